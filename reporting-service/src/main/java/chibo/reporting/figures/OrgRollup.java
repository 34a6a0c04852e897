package chibo.reporting.figures;

import chibo.contracts.EventEnvelope;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.contracts.organization.PositionAssigned;
import chibo.contracts.organization.PositionVacated;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitRegistered;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an organisation's figures, its whole subtree included, follow the deltas meant for it and its own events (its
 * place in the tree). Every applied delta is passed on to the parent, so an organisation's figures always equal what
 * its subtree sent it; a move takes the organisation's totals from the old parent's line to the new one; a merge
 * hands the source's totals to the target, and the source passes on whatever still reaches it; a dissolved cell no
 * longer counts as a cell. Figures are changed in place ({@link OrgFiguresState}, {@link MonthState}) through
 * {@link Figures}; what is to be sent is returned, in the order decided, for the caller to send.
 */
public final class OrgRollup {

    /** The figures the roll-up reads and changes: the topology keeps them in its state stores. */
    public interface Figures {

        /** The organisation's figures, or null before its registration. */
        OrgFiguresState organisation(String orgId);

        void put(OrgFiguresState organisation);

        /** An organisation's month, keyed {@link OrgMonth#key}, or null when it has no figures that month. */
        MonthState month(String key);

        void put(String key, MonthState month);

        /** Deltas held for an organisation whose registration has not arrived yet, oldest first (none: empty). */
        List<OrgDelta> waiting(String orgId);

        /** Holds deltas for an organisation not registered yet; an empty list lets them go. */
        void waiting(String orgId, List<OrgDelta> deltas);
    }

    /** A delta for an organisation. */
    public record Sent(String orgId, OrgDelta delta) {
    }

    /**
     * What one input led to: deltas for organisations, in the order decided (an organisation must see instructions
     * in that order), and facts for the units an organisation event concerns.
     */
    public record Outcome(List<Sent> deltas, List<UnitFact> unitFacts) {
    }

    private final Figures figures;
    private List<Sent> sending = new ArrayList<>();
    private List<UnitFact> unitFacts = new ArrayList<>();

    public OrgRollup(Figures figures) {
        this.figures = figures;
    }

    /** A delta meant for an organisation: applied to it and rolled up, or held until the organisation registers. */
    public Outcome delta(String orgId, OrgDelta delta) {
        applyDelta(orgId, delta);
        return outcome();
    }

    /**
     * The organisation's next event, in seq order: a registration or an event of an organisation registered
     * before.
     */
    public Outcome organisationEvent(EventEnvelope event) {
        apply(figures.organisation(event.subject()), event);
        return outcome();
    }

    private Outcome outcome() {
        Outcome outcome = new Outcome(List.copyOf(sending), List.copyOf(unitFacts));
        sending = new ArrayList<>();
        unitFacts = new ArrayList<>();
        return outcome;
    }

    /**
     * A delta for an organisation: a child joining or leaving, a merger's instruction, or a change of counters,
     * which a merged organisation passes on to its target from the merger's month.
     */
    private void applyDelta(String orgId, OrgDelta delta) {
        OrgFiguresState state = figures.organisation(orgId);
        if (state == null) {
            List<OrgDelta> held = new ArrayList<>(figures.waiting(orgId));
            held.add(delta);
            figures.waiting(orgId, held);
            return;
        }
        if (delta.child() != null) {
            state.child(delta.child(), delta.childAdded(), delta.recordedAt());
            store(state);
            return;
        }
        if (delta.mergeInto() != null) {
            handOver(state, delta);
            return;
        }
        if (delta.counters().isEmpty()) {
            return;
        }
        if (state.mergedInto() != null && delta.month().compareTo(state.mergedMonth()) >= 0) {
            // it happened after the merger: it is the target's
            forward(state.mergedInto(), delta.counting());
            return;
        }
        apply(state, delta);
        if (state.mergedInto() != null) {
            // it happened before the merger, which took the stock over in its month
            Map<String, Long> stock = Counters.stock(delta.counters());
            if (!stock.isEmpty()) {
                apply(state, OrgDelta.of(Counters.negate(stock), state.mergedMonth(), delta.cause(),
                        delta.recordedAt()));
                forward(state.mergedInto(), OrgDelta.of(stock, state.mergedMonth(), delta.cause(),
                        delta.recordedAt()));
            }
        }
    }

    /**
     * Applies a delta to the organisation's totals and month, and sends it up the line of the parent it had in the
     * delta's month; its stock then follows every move made since, in the month of the move.
     */
    private void apply(OrgFiguresState state, OrgDelta delta) {
        state.plus(delta);
        store(state);
        storeMonth(state.orgId(), delta);
        String parent = state.parentIn(delta.month());
        if (parent != null) {
            forward(parent, delta.counting());
        }
        Map<String, Long> stock = Counters.stock(delta.counters());
        if (stock.isEmpty()) {
            return;
        }
        List<OrgFigures.Placement> placements = state.placements();
        for (int i = 1; i < placements.size(); i++) {
            OrgFigures.Placement move = placements.get(i);
            if (move.fromMonth().compareTo(delta.month()) > 0) {
                String from = placements.get(i - 1).parentId();
                if (from != null) {
                    forward(from, OrgDelta.of(Counters.negate(stock), move.fromMonth(), delta.cause(),
                            delta.recordedAt()));
                }
                forward(move.parentId(), OrgDelta.of(stock, move.fromMonth(), delta.cause(), delta.recordedAt()));
            }
        }
    }

    /**
     * This organisation was merged into another from the instruction's month: the stock it had before that month
     * leaves it and its line in that month and joins the target; what it counted in that month or later is moved to
     * the target in the months it belongs to; its flows before the merger stay where they happened.
     */
    private void handOver(OrgFiguresState source, OrgDelta instruction) {
        String month = instruction.month();
        Map<String, Long> stockBefore = new TreeMap<>();
        for (String own : source.months()) {
            Map<String, Long> counted = monthFigures(source.orgId(), own);
            if (counted == null) {
                continue;
            }
            if (own.compareTo(month) < 0) {
                stockBefore = Counters.plus(stockBefore, Counters.stock(counted));
            } else {
                apply(source, OrgDelta.of(Counters.negate(counted), own, instruction.cause(),
                        instruction.recordedAt()));
                forward(instruction.mergeInto(), OrgDelta.of(counted, own, instruction.cause(),
                        instruction.recordedAt()));
            }
        }
        if (!stockBefore.isEmpty()) {
            apply(source, OrgDelta.of(Counters.negate(stockBefore), month, instruction.cause(),
                    instruction.recordedAt()));
            forward(instruction.mergeInto(), OrgDelta.of(stockBefore, month, instruction.cause(),
                    instruction.recordedAt()));
        }
        source.mergedInto(instruction.mergeInto(), month, instruction.recordedAt());
        store(source);
    }

    /**
     * The organisation moved to a new parent from a month: the stock it had before that month goes from the old
     * line to the new one in that month; what it counted in that month or later, sent up the old line before the
     * move was known, goes to the new line in the months it belongs to.
     */
    private void move(OrgFiguresState current, String newParentId, String month, String cause, Instant at) {
        String since = month.compareTo(current.placedSince()) < 0 ? current.placedSince() : month;
        String oldParent = current.parentId();
        Map<String, Long> stockBefore = new TreeMap<>();
        for (String own : current.months()) {
            Map<String, Long> counted = monthFigures(current.orgId(), own);
            if (counted == null) {
                continue;
            }
            if (own.compareTo(since) < 0) {
                stockBefore = Counters.plus(stockBefore, Counters.stock(counted));
            } else {
                if (oldParent != null) {
                    forward(oldParent, OrgDelta.of(Counters.negate(counted), own, cause, at));
                }
                forward(newParentId, OrgDelta.of(counted, own, cause, at));
            }
        }
        if (!stockBefore.isEmpty()) {
            if (oldParent != null) {
                forward(oldParent, OrgDelta.of(Counters.negate(stockBefore), since, cause, at));
            }
            forward(newParentId, OrgDelta.of(stockBefore, since, cause, at));
        }
    }

    /** A month's figures of an organisation as they stand (a copy), or null when it has none. */
    private Map<String, Long> monthFigures(String orgId, String month) {
        MonthState stored = figures.month(OrgMonth.key(orgId, month));
        return stored == null ? null : stored.counters();
    }

    /** An organisation event: its place in the tree, its cells and its units ({@code current} null: registration). */
    private void apply(OrgFiguresState current, EventEnvelope event) {
        Instant at = event.recordedAt();
        String cause = event.id().toString();
        String month = Counters.month(event.effectiveDate());
        switch ((OrganizationEvent) event.payload()) {
            case OrganizationRegistered e -> {
                store(OrgFiguresState.registered(event.subject(), e.name(), e.level(), e.parentId(), month, event.seq(),
                        at));
                if (e.parentId() != null) {
                    forward(e.parentId(), OrgDelta.child(event.subject(), true, cause, at));
                }
                if (e.level() != null && e.level().holdsMembers()) {
                    applyDelta(event.subject(), OrgDelta.of(Map.of(Counters.CELLS, 1L), month, cause, at));
                }
                List<OrgDelta> held = figures.waiting(event.subject());
                if (!held.isEmpty()) {
                    figures.waiting(event.subject(), List.of());
                    held.forEach(delta -> applyDelta(event.subject(), delta));
                }
            }
            case OrganizationRenamed e -> organisation(current, e.name(), current.active(), event);
            case OrganizationMoved e -> {
                // the old parent keeps it in its list: it stood there until the move, and a past period shows it
                forward(e.newParentId(), OrgDelta.child(event.subject(), true, cause, at));
                if (current.mergedInto() == null) {
                    move(current, e.newParentId(), month, cause, at);
                }
                String since = month.compareTo(current.placedSince()) < 0 ? current.placedSince() : month;
                current.movedTo(e.newParentId(), since, event.seq(), at);
                store(current);
            }
            case OrganizationMerged e -> {
                for (String source : e.sourceIds()) {
                    forward(source, OrgDelta.mergeInto(event.subject(), month, cause, at));
                }
                organisation(current, current.name(), current.active(), event);
            }
            case OrganizationDissolved e -> {
                boolean counted = current.active() || current.mergedInto() != null;
                current.dissolvedIn(month);
                organisation(current, current.name(), false, event);
                if (counted && current.level() != null && current.level().holdsMembers()) {
                    applyDelta(event.subject(), OrgDelta.of(Map.of(Counters.CELLS, -1L), month, cause, at));
                }
            }
            case UnitRegistered e -> {
                unitFacts.add(new UnitFact(e.unitId(), UnitFact.Change.REGISTERED, event.subject(), e.kind(), null,
                        null, false, 0, month, cause, at, e.name()));
                organisation(current, current.name(), current.active(), event);
            }
            case UnitCovered e -> {
                unitFacts.add(new UnitFact(e.unitId(), UnitFact.Change.COVERED, null, null, e.cellId(), null, false,
                        0, month, cause, at, null));
                organisation(current, current.name(), current.active(), event);
            }
            case PositionAssigned e -> {
                unitFacts.add(new UnitFact(e.unitId(), UnitFact.Change.POSITION_ASSIGNED, null, null, null,
                        e.position(), e.memberId() != null, 0, month, cause, at, null));
                organisation(current, current.name(), current.active(), event);
            }
            case PositionVacated e -> {
                unitFacts.add(new UnitFact(e.unitId(), UnitFact.Change.POSITION_VACATED, null, null, null,
                        e.position(), false, 0, month, cause, at, null));
                organisation(current, current.name(), current.active(), event);
            }
        }
    }

    /** Takes an organisation event that changes none of its figures: its seq, and its name or whether active. */
    private void organisation(OrgFiguresState current, String name, boolean active, EventEnvelope event) {
        current.organisation(name, current.level(), active, event.seq(), event.recordedAt());
        store(current);
    }

    private void store(OrgFiguresState state) {
        figures.put(state);
    }

    /** Applies a delta to its month of the organisation's figures. */
    private void storeMonth(String orgId, OrgDelta delta) {
        if (delta.month() == null || delta.counters().isEmpty()) {
            return;
        }
        String key = OrgMonth.key(orgId, delta.month());
        MonthState month = figures.month(key);
        if (month == null) {
            month = MonthState.empty(orgId, delta.month());
        }
        month.plus(delta.counters());
        figures.put(key, month);
    }

    private void forward(String orgId, OrgDelta delta) {
        sending.add(new Sent(orgId, delta));
    }
}
