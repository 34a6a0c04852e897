package chibo.membership.organization;

import chibo.contracts.EventEnvelope;
import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.contracts.organization.PositionAssigned;
import chibo.contracts.organization.PositionVacated;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitKind;
import chibo.contracts.organization.UnitRegistered;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A party organisation as its events leave it, with the units (villages, schools…) it registered. The tree is
 * kept as parent pointers; an organisation merged into another continues in its successor's line.
 */
public record Organization(String id, String name, OrgLevel level, String parentId, Status status,
                           String successorId, LocalDate since, Map<String, Unit> units) {

    public Organization {
        units = units == null ? Map.of() : Map.copyOf(units);
    }

    public enum Status {
        ACTIVE, DISSOLVED
    }

    /** A unit: who covers it and who holds its key positions ({@code memberId} null for non-members). */
    public record Unit(String unitId, String name, UnitKind kind, String coveredByCellId,
                       Map<KeyPosition, Holder> positions) {
        public Unit {
            positions = positions == null ? Map.of() : Map.copyOf(positions);
        }
    }

    public record Holder(String name, String memberId) {
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** The next organisation up: the successor of a merged organisation, else the parent. */
    public String upward() {
        return successorId != null ? successorId : parentId;
    }

    public static Organization apply(Organization state, EventEnvelope event) {
        if (!(event.payload() instanceof OrganizationEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not an organisation event");
        }
        return switch (payload) {
            case OrganizationRegistered e -> new Organization(event.subject(), e.name(), e.level(), e.parentId(),
                    Status.ACTIVE, null, event.effectiveDate(), Map.of());
            case OrganizationRenamed e -> new Organization(state.id, e.name(), state.level, state.parentId,
                    state.status, state.successorId, state.since, state.units);
            case OrganizationMoved e -> new Organization(state.id, state.name, state.level, e.newParentId(),
                    state.status, state.successorId, state.since, state.units);
            case OrganizationMerged e -> state;
            case OrganizationDissolved e -> new Organization(state.id, state.name, state.level, state.parentId,
                    Status.DISSOLVED, e.successorId(), state.since, state.units);
            case UnitRegistered e -> state.withUnit(new Unit(e.unitId(), e.name(), e.kind(), null, Map.of()));
            case UnitCovered e -> {
                Unit unit = state.units.get(e.unitId());
                yield state.withUnit(new Unit(unit.unitId(), unit.name(), unit.kind(), e.cellId(), unit.positions()));
            }
            case PositionAssigned e -> {
                Unit unit = state.units.get(e.unitId());
                Map<KeyPosition, Holder> positions = new EnumMap<>(KeyPosition.class);
                positions.putAll(unit.positions());
                positions.put(e.position(), new Holder(e.holderName(), e.memberId()));
                yield state.withUnit(new Unit(unit.unitId(), unit.name(), unit.kind(), unit.coveredByCellId(),
                        positions));
            }
            case PositionVacated e -> {
                Unit unit = state.units.get(e.unitId());
                Map<KeyPosition, Holder> positions = new EnumMap<>(KeyPosition.class);
                positions.putAll(unit.positions());
                positions.remove(e.position());
                yield state.withUnit(new Unit(unit.unitId(), unit.name(), unit.kind(), unit.coveredByCellId(),
                        positions));
            }
        };
    }

    private Organization withUnit(Unit unit) {
        Map<String, Unit> all = new LinkedHashMap<>(units);
        all.put(unit.unitId(), unit);
        return new Organization(id, name, level, parentId, status, successorId, since, all);
    }
}
