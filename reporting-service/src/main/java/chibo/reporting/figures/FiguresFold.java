package chibo.reporting.figures;

import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.platform.projection.SequenceGate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every figure from a stream of events, in one pass and in memory: the same rules as the reporting topology (a
 * member's events through {@link MemberChange}, a cell's meetings through {@link CellMeetings}, an organisation's
 * events and the deltas meant for it through {@link OrgRollup}, units through {@link UnitCoverage}), with what one
 * rule sends to another handed over at once instead of through a topic. Each subject's events are applied once and
 * in seq order (a repeat is skipped, one ahead of a gap waits for it, as in the topology); an event the rules turn
 * away (a member's history that does not start with an admission, an organisation event before the registration)
 * is counted in {@link #refused()} and changes nothing.
 *
 * <p>Not thread-safe: one fold, one thread.
 */
public final class FiguresFold {

    /** Events whose changes of counters are summed before the sums go up the tree, by default. */
    public static final int SETTLE_EVERY = 20_000;

    private final Map<String, MemberFacts> members = new HashMap<>();
    private final Map<String, CellMeetings> cells = new HashMap<>();
    private final Map<String, UnitCoverage> units = new HashMap<>();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final Held figures = new Held();
    private final OrgRollup rollup = new OrgRollup(figures);
    private final Deque<Object> handOver = new ArrayDeque<>();
    private final DeltaSums summed = new DeltaSums();
    /** One gate per family: a cell's meetings and the cell's own events are two sequences of one subject id. */
    private final Map<String, SequenceGate> gates = new HashMap<>();
    private final Map<String, InMemoryParking> parkings = new HashMap<>();
    private final int settleEvery;
    private int sinceSettled;
    private long refused;
    private long refusedOnRelease;
    private String refusal;

    /** A fold that sends its sums up the tree every {@value #SETTLE_EVERY} events, and whenever the tree changes. */
    public FiguresFold() {
        this(SETTLE_EVERY);
    }

    /**
     * @param settleEvery how many events' changes of counters are summed per organisation and month before the sums
     *                    go up the tree (as the topology sends its sums when it commits): the figures are the same
     *                    whatever it is; the fewer, the less memory the sums hold, the more often each sum is sent
     */
    public FiguresFold(int settleEvery) {
        if (settleEvery < 1) {
            throw new IllegalArgumentException("sums are sent every 1 event or more, not " + settleEvery);
        }
        this.settleEvery = settleEvery;
    }

    /**
     * Folds one event of any of the three topics, and everything it leads to.
     *
     * @return why the rules turn the event away, as the topology's dead letter says it; null when it was applied,
     *         parked until its predecessor arrives, or skipped as a repeat
     */
    public String apply(EventEnvelope event) {
        String family = family(event);
        SequenceGate gate = gates.computeIfAbsent(family, f -> new SequenceGate(
                parkings.computeIfAbsent(f, p -> new InMemoryParking()), QUIET));
        refusal = null;
        long refusedBefore = refusedOnRelease;
        gate.offer(event, lastSeq.getOrDefault(family + '|' + event.subject(), 0L),
                arrived -> applied(family, arrived), released -> {
                    if (!applied(family, released)) {
                        refusedOnRelease++;
                    }
                });
        if (++sinceSettled >= settleEvery) {
            settle();
        }
        // a refusal while releasing is a parked event's, not this one's (which was applied, or nothing is released)
        return refusedOnRelease == refusedBefore ? refusal : null;
    }

    /** Events the rules turned away, which the topology would have dead-lettered. */
    public long refused() {
        return refused;
    }

    /**
     * Parked events the rules turned away once their predecessor arrived: the topology cannot dead-letter these
     * (they are no longer the record being read) and stops at them.
     */
    public long refusedOnRelease() {
        return refusedOnRelease;
    }

    /** The organisation's figures (its whole subtree included), if it was registered. */
    public Optional<OrgFigures> organisation(String orgId) {
        settle();
        return Optional.ofNullable(figures.organisations.get(orgId)).map(OrgFiguresState::toFigures);
    }

    /** The organisation's months: each month's change of every stock counter and count of every flow. */
    public Map<String, Map<String, Long>> months(String orgId) {
        settle();
        Map<String, Map<String, Long>> months = new TreeMap<>();
        figures.monthsOf.getOrDefault(orgId, Map.of()).forEach((month, state) ->
                months.put(month, state.toMonth().counters()));
        return months;
    }

    /** Each member's facts, with the seq of the member's last applied event. */
    public void forEachMember(Folded<MemberFacts> each) {
        members.forEach((id, facts) -> each.accept(id, lastSeq.get("member|" + id), facts));
    }

    /** Each cell's meetings, with the seq of the cell's last applied meeting event. */
    public void forEachCell(Folded<CellMeetings> each) {
        cells.forEach((id, meetings) -> each.accept(id, lastSeq.get("cell|" + id), meetings));
    }

    /** Each unit's coverage. */
    public void forEachUnit(java.util.function.BiConsumer<String, UnitCoverage> each) {
        settle();
        units.forEach(each);
    }

    /** Each organisation's figures as kept while folding. */
    public void forEachOrganisation(java.util.function.Consumer<OrgFiguresState> each) {
        settle();
        figures.organisations.values().forEach(each);
    }

    /** Each organisation's month as kept while folding, by its key ({@link OrgMonth#key}). */
    public void forEachMonth(java.util.function.BiConsumer<String, MonthState> each) {
        settle();
        figures.months.forEach(each);
    }

    /**
     * Events still waiting for a predecessor and deltas still waiting for their organisation's registration: what
     * the topology would hold in its stores.
     */
    public long waiting() {
        settle();
        return parkings.values().stream().mapToLong(InMemoryParking::size).sum() + figures.waiting.size();
    }

    /** A subject's folded state, with the seq of its last applied event. */
    @FunctionalInterface
    public interface Folded<S> {
        void accept(String subject, long seq, S state);
    }

    /** Every organisation the fold has figures of. */
    public List<String> organisations() {
        settle();
        return List.copyOf(figures.organisations.keySet());
    }

    private static String family(EventEnvelope event) {
        return switch (event.payload()) {
            case MemberEvent ignored -> "member";
            case MeetingEvent ignored -> "cell";
            case OrganizationEvent ignored -> "organisation";
            default -> throw new IllegalArgumentException("not an event reporting folds: " + event.type());
        };
    }

    private boolean applied(String family, EventEnvelope event) {
        try {
            switch (event.payload()) {
                case MemberEvent ignored -> member(event);
                case MeetingEvent ignored -> meeting(event);
                default -> {
                    if (!figures.organisations.containsKey(event.subject())
                            && !(event.payload() instanceof OrganizationRegistered)) {
                        refused++;
                        refusal = event.type() + " for unregistered organisation " + event.subject();
                        return false;
                    }
                    settle();
                    send(rollup.organisationEvent(event));
                }
            }
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException cannotApply) {
            handOver.clear();
            refused++;
            refusal = "cannot apply " + event.type() + " seq " + event.seq() + " of " + event.subject() + ": "
                    + cannotApply.getMessage();
            return false;
        }
        lastSeq.put(family + '|' + event.subject(), event.seq());
        drain();
        return true;
    }

    private void member(EventEnvelope event) {
        MemberChange change = MemberChange.of(members.get(event.subject()), event);
        members.put(event.subject(), change.after());
        String cause = event.id().toString();
        change.deltas().forEach(delta -> toCell(delta, event));
        change.residence().forEach(residence -> handOver.add(UnitFact.residents(residence.unitId(),
                residence.change(), residence.month(), cause, event.recordedAt())));
    }

    private void meeting(EventEnvelope event) {
        CellMeetings.Change change = cells.getOrDefault(event.subject(), CellMeetings.NONE).apply(event);
        cells.put(event.subject(), change.after());
        change.deltas().forEach(delta -> toCell(delta, event));
    }

    /** A change of a cell's counters, summed at once when nothing waits to be sent before it (as it then would be). */
    private void toCell(MemberChange.CellDelta delta, EventEnvelope cause) {
        if (delta.counters().isEmpty()) {
            return;
        }
        if (handOver.isEmpty()) {
            summed.add(delta.cellId(), delta.month(), delta.counters(), cause.id().toString(), cause.recordedAt());
        } else {
            handOver.add(new OrgRollup.Sent(delta.cellId(), OrgDelta.of(delta.counters(), delta.month(),
                    cause.id().toString(), cause.recordedAt())));
        }
    }

    private void send(OrgRollup.Outcome outcome) {
        handOver.addAll(outcome.deltas());
        handOver.addAll(outcome.unitFacts());
    }

    /**
     * Hands each delta and unit fact on, in the order sent, until nothing is left to send: a change of counters is
     * summed with the others for its organisation and month ({@link #settle} sends the sums, as the topology sends
     * its sums when it commits); an instruction goes at once, after the sums before it.
     */
    private void drain() {
        for (Object next = handOver.poll(); next != null; next = handOver.poll()) {
            if (next instanceof OrgRollup.Sent sent) {
                if (sent.delta().mergeInto() == null && sent.delta().child() == null) {
                    summed.add(sent.orgId(), sent.delta());
                } else {
                    sendSums();
                    send(rollup.delta(sent.orgId(), sent.delta()));
                }
            } else {
                unit((UnitFact) next);
            }
        }
    }

    /** Sends every sum up to where it leads, until nothing is left summed or to send. */
    private void settle() {
        sinceSettled = 0;
        drain();
        while (!summed.isEmpty()) {
            sendSums();
            drain();
        }
    }

    /** Applies what was summed, organisation by organisation in the order first touched; what it leads to is queued. */
    private void sendSums() {
        summed.sendAll((orgId, delta) -> send(rollup.delta(orgId, delta)));
    }

    private void unit(UnitFact fact) {
        UnitCoverage.Change change = units.getOrDefault(fact.unitId(), UnitCoverage.NONE).apply(fact);
        units.put(fact.unitId(), change.after());
        handOver.addAll(change.sent());
    }

    /** The roll-up's figures, in memory; an organisation's months also by organisation, to be read back. */
    private static final class Held implements OrgRollup.Figures {
        private final Map<String, OrgFiguresState> organisations = new HashMap<>();
        private final Map<String, MonthState> months = new HashMap<>();
        private final Map<String, Map<String, MonthState>> monthsOf = new HashMap<>();
        private final Map<String, List<OrgDelta>> waiting = new HashMap<>();

        @Override
        public OrgFiguresState organisation(String orgId) {
            return organisations.get(orgId);
        }

        @Override
        public void put(OrgFiguresState organisation) {
            organisations.put(organisation.orgId(), organisation);
        }

        @Override
        public MonthState month(String key) {
            return months.get(key);
        }

        @Override
        public void put(String key, MonthState month) {
            months.put(key, month);
            int bar = key.lastIndexOf('|');
            monthsOf.computeIfAbsent(key.substring(0, bar), id -> new HashMap<>()).put(key.substring(bar + 1), month);
        }

        @Override
        public List<OrgDelta> waiting(String orgId) {
            return waiting.getOrDefault(orgId, List.of());
        }

        @Override
        public void waiting(String orgId, List<OrgDelta> deltas) {
            if (deltas.isEmpty()) {
                waiting.remove(orgId);
            } else {
                waiting.put(orgId, new ArrayList<>(deltas));
            }
        }
    }

    private static final SequenceGate.Arrivals QUIET = new SequenceGate.Arrivals() {
        @Override
        public void duplicate(EventEnvelope event) {
            // a repeat changes nothing
        }

        @Override
        public void parked(EventEnvelope event, long awaitedSeq) {
            // waits in memory for its predecessor
        }
    };

    /** One family's events that arrived ahead of their predecessor, by subject and seq. */
    private static final class InMemoryParking implements SequenceGate.Parking {
        private final Map<String, Map<Long, EventEnvelope>> parked = new HashMap<>();

        @Override
        public void park(EventEnvelope event) {
            parked.computeIfAbsent(event.subject(), subject -> new HashMap<>()).put(event.seq(), event);
        }

        @Override
        public Optional<EventEnvelope> find(String subject, long seq) {
            return Optional.ofNullable(parked.getOrDefault(subject, Map.of()).get(seq));
        }

        @Override
        public void release(EventEnvelope event) {
            Map<Long, EventEnvelope> waiting = parked.get(event.subject());
            if (waiting != null) {
                waiting.remove(event.seq());
                if (waiting.isEmpty()) {
                    parked.remove(event.subject());
                }
            }
        }

        long size() {
            return parked.values().stream().mapToLong(Map::size).sum();
        }
    }
}
