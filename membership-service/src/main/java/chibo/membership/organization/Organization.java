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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A party organisation as its events leave it, with the units (villages, schools…) it registered. The tree is
 * kept as parent pointers; an organisation merged into another continues in its successor's line.
 *
 * @param history its founding, moves and dissolution with their effective dates, in the order recorded: the
 *                organisation as it stood on any date ({@link #on(LocalDate)}), whatever order they were entered in
 */
public record Organization(String id, String name, OrgLevel level, String parentId, Status status,
                           String successorId, LocalDate since, Map<String, Unit> units, List<Change> history) {

    public Organization {
        units = units == null ? Map.of() : Map.copyOf(units);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One change of the organisation's place in the tree, with its effective date and seq. */
    public record Change(long seq, LocalDate effectiveDate, ChangeKind kind, String parentId, String successorId) {
    }

    public enum ChangeKind {
        FOUNDED, MOVED, DISSOLVED
    }

    /**
     * The organisation as it stood on {@code day}: its changes dated on or before that day, in effective order (the
     * seq breaks ties). Empty when it was not yet founded then. A dissolution takes effect on its day: a body
     * dissolved on 01/07/2025 stood on 30/06/2025 and not on 01/07/2025.
     */
    public Optional<OnDate> on(LocalDate day) {
        OnDate standing = null;
        List<Change> inOrder = history.stream().filter(change -> !change.effectiveDate().isAfter(day))
                .sorted(Comparator.comparing(Change::effectiveDate).thenComparingLong(Change::seq)).toList();
        for (Change change : inOrder) {
            standing = switch (change.kind()) {
                case FOUNDED -> new OnDate(id, level, change.parentId(), true, null, change.effectiveDate(), null);
                case MOVED -> standing == null ? null : standing.movedUnder(change.parentId());
                case DISSOLVED -> standing == null ? null : standing.dissolved(change);
            };
        }
        return Optional.ofNullable(standing);
    }

    /** When the organisation was dissolved or merged away, if it was: the latest such change by effective date. */
    public Optional<LocalDate> dissolvedOn() {
        return history.stream().filter(change -> change.kind() == ChangeKind.DISSOLVED).map(Change::effectiveDate)
                .max(Comparator.naturalOrder());
    }

    /**
     * An organisation as it stood on a day.
     *
     * @param active      founded and not yet dissolved that day
     * @param successorId what it had been merged into by then, if anything
     * @param foundedOn   the effective date of its founding
     * @param dissolvedOn the effective date of its dissolution, when it had been dissolved by then
     */
    public record OnDate(String id, OrgLevel level, String parentId, boolean active, String successorId,
                         LocalDate foundedOn, LocalDate dissolvedOn) {

        /** The next organisation up on that day: the successor of a merged organisation, else the parent. */
        public String upward() {
            return successorId != null ? successorId : parentId;
        }

        OnDate movedUnder(String newParentId) {
            return new OnDate(id, level, newParentId, active, successorId, foundedOn, dissolvedOn);
        }

        OnDate dissolved(Change change) {
            return new OnDate(id, level, parentId, false, change.successorId(), foundedOn, change.effectiveDate());
        }
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
                    Status.ACTIVE, null, event.effectiveDate(), Map.of(),
                    List.of(change(event, ChangeKind.FOUNDED, e.parentId(), null)));
            case OrganizationRenamed e -> new Organization(state.id, e.name(), state.level, state.parentId,
                    state.status, state.successorId, state.since, state.units, state.history);
            case OrganizationMoved e -> new Organization(state.id, state.name, state.level, e.newParentId(),
                    state.status, state.successorId, state.since, state.units,
                    state.changed(change(event, ChangeKind.MOVED, e.newParentId(), null)));
            case OrganizationMerged e -> state;
            case OrganizationDissolved e -> new Organization(state.id, state.name, state.level, state.parentId,
                    Status.DISSOLVED, e.successorId(), state.since, state.units,
                    state.changed(change(event, ChangeKind.DISSOLVED, null, e.successorId())));
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
        return new Organization(id, name, level, parentId, status, successorId, since, all, history);
    }

    private List<Change> changed(Change change) {
        List<Change> all = new ArrayList<>(history);
        all.add(change);
        return all;
    }

    private static Change change(EventEnvelope event, ChangeKind kind, String parentId, String successorId) {
        return new Change(event.seq(), event.effectiveDate(), kind, parentId, successorId);
    }
}
