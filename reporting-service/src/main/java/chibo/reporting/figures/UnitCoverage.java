package chibo.reporting.figures;

import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.UnitKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known of a unit, folded from its {@link UnitFact}s: the organisation that registered it, the cell covering
 * it, how many active members reside there, and {@code positions}: each held key position, true when a member holds
 * it; {@code name}: the unit's name as registered (absent in what was folded before names were kept).
 *
 * <p>Whether the unit is without a resident member is known month by month, in effective time: {@code
 * residentsByMonth} holds the change of its residents in each month of the facts' effective dates, and
 * {@code registeredMonth} the month of its registration, before which it counts nowhere. A resident entered late —
 * a 2024 admission recorded after a 2025 transfer to the same village — makes the village covered from 2024, and the
 * 2025 arrival then changes nothing; a resident dated before the village's registration counts from the
 * registration. (A unit folded before this history was kept has its residents as one change in its registration
 * month.)
 */
public record UnitCoverage(String ownerOrgId, UnitKind kind, String cellId, long residents,
                           Map<KeyPosition, Boolean> positions, String name, String registeredMonth,
                           SortedMap<String, Long> residentsByMonth) {

    /** Nothing known yet. */
    public static final UnitCoverage NONE = new UnitCoverage(null, null, null, 0, Map.of(), null, null, null);

    public UnitCoverage {
        positions = positions == null ? Map.of() : Map.copyOf(positions);
        SortedMap<String, Long> byMonth = new TreeMap<>();
        if (residentsByMonth != null) {
            byMonth.putAll(residentsByMonth);
        } else if (residents != 0) {
            byMonth.put(registeredMonth == null ? ALWAYS : registeredMonth, residents);
        }
        residentsByMonth = Collections.unmodifiableSortedMap(byMonth);
    }

    /** Sorts before every month: where a unit folded before months were kept has its residents and registration. */
    private static final String ALWAYS = "";

    /** Registered, yet without a cell covering it. */
    public boolean withoutCell() {
        return ownerOrgId != null && cellId == null;
    }

    /** Registered, yet without an active party member residing there. */
    public boolean withoutMember() {
        return ownerOrgId != null && residents <= 0;
    }

    /**
     * The coverage counters the unit adds to its owner now, but for whether it is without a resident member (which
     * {@link #withoutMemberSteps()} gives month by month): none before its registration.
     */
    private Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        if (ownerOrgId == null) {
            return counters;
        }
        counters.put(Counters.units(kind), 1L);
        if (cellId == null) {
            counters.put(Counters.unitsWithoutCell(kind), 1L);
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
     * Where the unit's "without a resident member" changes, by month: +1 in the month it becomes one (its
     * registration's, if nobody lives there then), -1 in the month a member comes to live there; none before its
     * registration.
     */
    Map<String, Long> withoutMemberSteps() {
        Map<String, Long> steps = new TreeMap<>();
        if (ownerOrgId == null) {
            return steps;
        }
        String registered = registeredMonth == null ? ALWAYS : registeredMonth;
        long living = 0;
        for (long change : residentsByMonth.headMap(registered + "\0").values()) {
            living += change;
        }
        boolean without = living <= 0;
        if (without) {
            steps.put(registered, 1L);
        }
        for (Map.Entry<String, Long> month : residentsByMonth.tailMap(registered + "\0").entrySet()) {
            living += month.getValue();
            if ((living <= 0) != without) {
                without = living <= 0;
                steps.put(month.getKey(), without ? 1L : -1L);
            }
        }
        return steps;
    }

    /**
     * The unit's coverage after a fact about it, and what it changes at the organisation that registered the unit:
     * its coverage counters in the fact's month, and whether it is without a resident member in each month that
     * changes; nothing before the unit is registered, or when none of its counters moves.
     */
    public record Change(UnitCoverage after, List<OrgRollup.Sent> sent) {
    }

    public Change apply(UnitFact fact) {
        UnitCoverage after = with(fact);
        if (after.ownerOrgId() == null) {
            return new Change(after, List.of());
        }
        List<OrgRollup.Sent> sent = new ArrayList<>(2);
        Map<String, Long> change = Counters.difference(counters(), after.counters());
        if (!change.isEmpty()) {
            sent.add(new OrgRollup.Sent(after.ownerOrgId(), OrgDelta.of(change, fact.month(), fact.cause(),
                    fact.recordedAt())));
        }
        if (fact.change() != UnitFact.Change.RESIDENTS && fact.change() != UnitFact.Change.REGISTERED) {
            return new Change(after, List.copyOf(sent)); // neither who lives there nor since when it counts changed
        }
        Map<String, Long> steps = Counters.difference(withoutMemberSteps(), after.withoutMemberSteps());
        steps.forEach((month, step) -> sent.add(new OrgRollup.Sent(after.ownerOrgId(), OrgDelta.of(
                Map.of(Counters.unitsWithoutMember(after.kind()), step), month.isEmpty() ? fact.month() : month,
                fact.cause(), fact.recordedAt()))));
        return new Change(after, List.copyOf(sent));
    }

    /** The unit's coverage after a fact about it. */
    public UnitCoverage with(UnitFact fact) {
        return switch (fact.change()) {
            case REGISTERED -> new UnitCoverage(fact.ownerOrgId(), fact.kind(), cellId, residents, positions,
                    fact.name(), fact.month(), residentsByMonth);
            case COVERED -> new UnitCoverage(ownerOrgId, kind, fact.cellId(), residents, positions, name,
                    registeredMonth, residentsByMonth);
            case RESIDENTS -> {
                SortedMap<String, Long> byMonth = new TreeMap<>(residentsByMonth);
                if (byMonth.merge(fact.month(), (long) fact.residentsChange(), Long::sum) == 0L) {
                    byMonth.remove(fact.month());
                }
                yield new UnitCoverage(ownerOrgId, kind, cellId, residents + fact.residentsChange(), positions, name,
                        registeredMonth, byMonth);
            }
            case POSITION_ASSIGNED -> {
                Map<KeyPosition, Boolean> held = new TreeMap<>(positions);
                held.put(fact.position(), fact.holderIsMember());
                yield new UnitCoverage(ownerOrgId, kind, cellId, residents, held, name, registeredMonth,
                        residentsByMonth);
            }
            case POSITION_VACATED -> {
                Map<KeyPosition, Boolean> held = new TreeMap<>(positions);
                held.remove(fact.position());
                yield new UnitCoverage(ownerOrgId, kind, cellId, residents, held, name, registeredMonth,
                        residentsByMonth);
            }
        };
    }
}
