package chibo.reporting.figures;

import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.UnitKind;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is known of a unit, folded from its {@link UnitFact}s: the organisation that registered it, the cell covering
 * it, how many active members reside there, and {@code positions}: each held key position, true when a member holds
 * it; {@code name}: the unit's name as registered (absent in what was folded before names were kept).
 */
public record UnitCoverage(String ownerOrgId, UnitKind kind, String cellId, long residents,
                           Map<KeyPosition, Boolean> positions, String name) {

    /** Nothing known yet. */
    public static final UnitCoverage NONE = new UnitCoverage(null, null, null, 0, Map.of(), null);

    public UnitCoverage {
        positions = positions == null ? Map.of() : Map.copyOf(positions);
    }

    /** Registered, yet without a cell covering it. */
    public boolean withoutCell() {
        return ownerOrgId != null && cellId == null;
    }

    /** Registered, yet without an active party member residing there. */
    public boolean withoutMember() {
        return ownerOrgId != null && residents <= 0;
    }

    /** The coverage counters the unit adds to its owner: none before its registration. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        if (ownerOrgId == null) {
            return counters;
        }
        counters.put(Counters.units(kind), 1L);
        if (cellId == null) {
            counters.put(Counters.unitsWithoutCell(kind), 1L);
        }
        if (residents <= 0) {
            counters.put(Counters.unitsWithoutMember(kind), 1L);
        }
        positions.forEach((position, member) -> {
            counters.merge(Counters.positions(position), 1L, Long::sum);
            if (member) {
                counters.merge(Counters.positionsHeldByMembers(position), 1L, Long::sum);
            }
        });
        return counters;
    }

    /**
     * The unit's coverage after a fact about it, and what it changes at the organisation that registered the unit
     * (its coverage counters, in the fact's month); no change before the unit is registered, or when none of its
     * counters moves.
     */
    public record Change(UnitCoverage after, Optional<OrgRollup.Sent> sent) {
    }

    public Change apply(UnitFact fact) {
        UnitCoverage after = with(fact);
        if (after.ownerOrgId() == null) {
            return new Change(after, Optional.empty());
        }
        Map<String, Long> change = Counters.difference(counters(), after.counters());
        return new Change(after, change.isEmpty() ? Optional.empty() : Optional.of(new OrgRollup.Sent(
                after.ownerOrgId(), OrgDelta.of(change, fact.month(), fact.cause(), fact.recordedAt()))));
    }

    /** The unit's coverage after a fact about it. */
    public UnitCoverage with(UnitFact fact) {
        Map<KeyPosition, Boolean> held = new TreeMap<>(positions);
        return switch (fact.change()) {
            case REGISTERED -> new UnitCoverage(fact.ownerOrgId(), fact.kind(), cellId, residents, positions,
                    fact.name());
            case COVERED -> new UnitCoverage(ownerOrgId, kind, fact.cellId(), residents, positions, name);
            case RESIDENTS -> new UnitCoverage(ownerOrgId, kind, cellId, residents + fact.residentsChange(),
                    positions, name);
            case POSITION_ASSIGNED -> {
                held.put(fact.position(), fact.holderIsMember());
                yield new UnitCoverage(ownerOrgId, kind, cellId, residents, held, name);
            }
            case POSITION_VACATED -> {
                held.remove(fact.position());
                yield new UnitCoverage(ownerOrgId, kind, cellId, residents, held, name);
            }
        };
    }
}
