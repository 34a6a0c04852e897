package chibo.reporting.aggregates;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
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
import chibo.platform.eventstore.EventDocuments;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps each organisation's figures, including its whole subtree, from two co-partitioned inputs keyed by
 * organisation: the organisation's own events (its place in the tree) and the deltas meant for it. Every applied
 * delta is passed on to the parent, so an organisation's figures always equal what its subtree sent it; a move
 * takes the organisation's totals from the old parent's line to the new one; a merge hands the source's totals to
 * the target, and the source passes on whatever still reaches it. Figures are changed in place ({@link OrgState},
 * {@link MonthState}) and written once per commit ({@link ObjectStore}); the two stores' changelogs, one record per
 * changed key per commit, are what the MongoDB sink reads.
 */
final class OrgAggregateProcessor implements Processor<String, byte[], String, byte[]> {

    static final String AGGREGATES = "org-aggregates";
    static final String WAITING = "org-waiting";
    static final String PARKED = "org-parked";
    static final String MONTHS = "org-months";
    /** Organisations and months kept as objects: the upper levels of the tree and the months being written. */
    /*
     * Objects kept per task besides those changed since the last commit, bounded so that a version being built
     * beside the live one fits the service's heap with them (at 4,096 and 16,384 a rebuild spent most of its time
     * in full collections): an organisation with its counters weighs some 20 KB, a month some 5 KB.
     */
    private static final int KEEP_AGGREGATES = 1_024;
    private static final int KEEP_MONTHS = 4_096;

    private final ReportingTopics topics;
    private final TopologyEvents events;
    private ProcessorContext<String, byte[]> context;
    private ObjectStore<OrgState> aggregates;
    private KeyValueStore<String, WaitingDeltas> waiting;
    private KeyValueStore<String, String> parked;
    private ObjectStore<MonthState> months;
    private final DeltaOutbox deltas = new DeltaOutbox(ReportingTopology.DELTAS_SINK);

    private final TrustedSigners signers;

    OrgAggregateProcessor(ReportingTopics topics, TopologyEvents events, TrustedSigners signers) {
        this.signers = signers;
        this.topics = topics;
        this.events = events;
    }

    /** Deltas for an organisation whose registration has not arrived yet. */
    record WaitingDeltas(List<OrgDelta> deltas) {
    }

    /** Each organisation's figures, published as {@link OrgAggregate}. */
    static StoreBuilder<ObjectStore<OrgState>> aggregatesStore() {
        return ObjectStore.builder(AGGREGATES, state -> FiguresCodec.bytes(state.toAggregate()),
                bytes -> OrgState.of(FiguresCodec.readAggregate(bytes)), KEEP_AGGREGATES);
    }

    /** Each organisation's months, keyed {@code orgId|2025-07}, published as {@link OrgMonth}. */
    static StoreBuilder<ObjectStore<MonthState>> monthsStore() {
        return ObjectStore.builder(MONTHS, month -> FiguresCodec.bytes(month.toMonth()),
                bytes -> MonthState.of(FiguresCodec.readMonth(bytes)), KEEP_MONTHS);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.aggregates = context.getStateStore(AGGREGATES);
        this.waiting = context.getStateStore(WAITING);
        this.parked = context.getStateStore(PARKED);
        this.months = context.getStateStore(MONTHS);
        deltas.init(context, aggregates);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        if (topic.equals(topics.orgDeltas())) {
            applyDelta(record.key(), OrgDelta.read(record.value()));
        } else {
            organisationEvent(record);
        }
    }

    private void applyDelta(String orgId, OrgDelta delta) {
        OrgState state = aggregates.get(orgId);
        if (state == null) {
            WaitingDeltas queued = waiting.get(orgId);
            List<OrgDelta> deltas = new ArrayList<>(queued == null ? List.of() : queued.deltas());
            deltas.add(delta);
            waiting.put(orgId, new WaitingDeltas(deltas));
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
    private void apply(OrgState state, OrgDelta delta) {
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
        List<OrgAggregate.Placement> placements = state.placements();
        for (int i = 1; i < placements.size(); i++) {
            OrgAggregate.Placement move = placements.get(i);
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
    private void handOver(OrgState source, OrgDelta instruction) {
        String month = instruction.month();
        Map<String, Long> stockBefore = new java.util.TreeMap<>();
        for (String own : source.months()) {
            Map<String, Long> figures = monthFigures(source.orgId(), own);
            if (figures == null) {
                continue;
            }
            if (own.compareTo(month) < 0) {
                stockBefore = Counters.plus(stockBefore, Counters.stock(figures));
            } else {
                apply(source, OrgDelta.of(Counters.negate(figures), own, instruction.cause(),
                        instruction.recordedAt()));
                forward(instruction.mergeInto(), OrgDelta.of(figures, own, instruction.cause(),
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
    private void move(OrgState current, String newParentId, String month, String cause, Instant at) {
        String since = month.compareTo(current.placedSince()) < 0 ? current.placedSince() : month;
        String oldParent = current.parentId();
        Map<String, Long> stockBefore = new java.util.TreeMap<>();
        for (String own : current.months()) {
            Map<String, Long> figures = monthFigures(current.orgId(), own);
            if (figures == null) {
                continue;
            }
            if (own.compareTo(since) < 0) {
                stockBefore = Counters.plus(stockBefore, Counters.stock(figures));
            } else {
                if (oldParent != null) {
                    forward(oldParent, OrgDelta.of(Counters.negate(figures), own, cause, at));
                }
                forward(newParentId, OrgDelta.of(figures, own, cause, at));
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
        MonthState figures = months.get(OrgMonth.key(orgId, month));
        return figures == null ? null : figures.counters();
    }

    private void organisationEvent(Record<String, byte[]> record) {
        EventEnvelope event = DeadLetters.readOrDeadLetter(context, record, OrganizationEvent.class,
                ReportingTopology.ORGANIZATION_DLT_SINK, Topics.ORGANIZATION, events, signers);
        if (event == null) {
            return;
        }
        OrgState current = aggregates.get(event.subject());
        long seq = current == null ? 0 : current.orgSeq();
        if (event.seq() <= seq) {
            events.duplicate(Topics.ORGANIZATION);
            return;
        }
        if (event.seq() > seq + 1) {
            parked.put(event.storageId(), EventDocuments.toDocument(event).toJson());
            events.parked(Topics.ORGANIZATION);
            return;
        }
        if (current == null && !(event.payload() instanceof OrganizationRegistered)) {
            DeadLetters.send(context, record, ReportingTopology.ORGANIZATION_DLT_SINK, Topics.ORGANIZATION,
                    event.type() + " for unregistered organisation " + event.subject(), events);
            return;
        }
        apply(current, event);
        while (true) {
            OrgState now = aggregates.get(event.subject());
            String next = parked.get(EventEnvelope.storageId(event.subject(), now.orgSeq() + 1));
            if (next == null) {
                return;
            }
            EventEnvelope waitingEvent = EventDocuments.toEnvelope(Document.parse(next));
            parked.delete(waitingEvent.storageId());
            apply(now, waitingEvent);
        }
    }

    private void apply(OrgState current, EventEnvelope event) {
        Instant at = event.recordedAt();
        String cause = event.id().toString();
        String month = Counters.month(event.effectiveDate());
        switch ((OrganizationEvent) event.payload()) {
            case OrganizationRegistered e -> {
                store(OrgState.registered(event.subject(), e.name(), e.level(), e.parentId(), event.seq(), at));
                if (e.parentId() != null) {
                    forward(e.parentId(), OrgDelta.child(event.subject(), true, cause, at));
                }
                if (e.level() != null && e.level().holdsMembers()) {
                    applyDelta(event.subject(), OrgDelta.of(Map.of(Counters.CELLS, 1L), month, cause, at));
                }
                WaitingDeltas queued = waiting.get(event.subject());
                if (queued != null) {
                    waiting.delete(event.subject());
                    queued.deltas().forEach(delta -> applyDelta(event.subject(), delta));
                }
            }
            case OrganizationRenamed e -> organisation(current, e.name(), current.active(), event);
            case OrganizationMoved e -> {
                if (current.parentId() != null) {
                    forward(current.parentId(), OrgDelta.child(event.subject(), false, cause, at));
                }
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
                organisation(current, current.name(), false, event);
                if (counted && current.level() != null && current.level().holdsMembers()) {
                    applyDelta(event.subject(), OrgDelta.of(Map.of(Counters.CELLS, -1L), month, cause, at));
                }
            }
            case UnitRegistered e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.REGISTERED, event.subject(), e.kind(), null, null,
                        false, 0, month, cause, at));
                organisation(current, current.name(), current.active(), event);
            }
            case UnitCovered e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.COVERED, null, null, e.cellId(), null, false, 0,
                        month, cause, at));
                organisation(current, current.name(), current.active(), event);
            }
            case PositionAssigned e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.POSITION_ASSIGNED, null, null, null, e.position(),
                        e.memberId() != null, 0, month, cause, at));
                organisation(current, current.name(), current.active(), event);
            }
            case PositionVacated e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.POSITION_VACATED, null, null, null, e.position(),
                        false, 0, month, cause, at));
                organisation(current, current.name(), current.active(), event);
            }
        }
    }

    /** Takes an organisation event that changes none of its figures: its seq, and its name or whether active. */
    private void organisation(OrgState current, String name, boolean active, EventEnvelope event) {
        current.organisation(name, current.level(), active, event.seq(), event.recordedAt());
        store(current);
    }

    private void unitFact(UnitFact fact) {
        context.forward(new Record<>(fact.unitId(), JsonSerde.bytes(fact), fact.recordedAt().toEpochMilli()),
                ReportingTopology.UNIT_FACTS_SINK);
    }

    private void store(OrgState state) {
        aggregates.put(state.orgId(), state);
    }

    /** Applies a delta to its month of the organisation's figures. */
    private void storeMonth(String orgId, OrgDelta delta) {
        if (delta.month() == null || delta.counters().isEmpty()) {
            return;
        }
        String key = OrgMonth.key(orgId, delta.month());
        MonthState month = months.get(key);
        if (month == null) {
            month = MonthState.empty(orgId, delta.month());
        }
        month.plus(delta.counters());
        months.put(key, month);
    }

    /** Changes of counters are summed until the task commits; instructions go at once, after them. */
    private void forward(String orgId, OrgDelta delta) {
        if (delta.mergeInto() == null && delta.child() == null) {
            deltas.add(orgId, delta);
        } else {
            deltas.sendNow(orgId, delta);
        }
    }
}
