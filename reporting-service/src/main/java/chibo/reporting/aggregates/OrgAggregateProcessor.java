package chibo.reporting.aggregates;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
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
 * the target, and the source passes on whatever still reaches it. Both stores cache their writes until the next
 * commit; their changelogs, one record per changed key per commit, are what the MongoDB sink reads.
 */
final class OrgAggregateProcessor implements Processor<String, byte[], String, byte[]> {

    static final String AGGREGATES = "org-aggregates";
    static final String WAITING = "org-waiting";
    static final String PARKED = "org-parked";
    static final String MONTHS = "org-months";
    /** Organisations and months kept parsed: the upper levels of the tree and the months being written. */
    private static final int KEEP_AGGREGATES = 4_096;
    private static final int KEEP_MONTHS = 16_384;

    private final ReportingTopics topics;
    private final TopologyEvents events;
    private ProcessorContext<String, byte[]> context;
    private JsonStore<OrgAggregate> aggregates;
    private KeyValueStore<String, WaitingDeltas> waiting;
    private KeyValueStore<String, String> parked;
    private JsonStore<OrgMonth> months;

    OrgAggregateProcessor(ReportingTopics topics, TopologyEvents events) {
        this.topics = topics;
        this.events = events;
    }

    /** Deltas for an organisation whose registration has not arrived yet. */
    record WaitingDeltas(List<OrgDelta> deltas) {
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.aggregates = new JsonStore<>(context.getStateStore(AGGREGATES), OrgAggregate.class, KEEP_AGGREGATES);
        this.waiting = context.getStateStore(WAITING);
        this.parked = context.getStateStore(PARKED);
        this.months = new JsonStore<>(context.getStateStore(MONTHS), OrgMonth.class, KEEP_MONTHS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        if (topic.equals(topics.orgDeltas())) {
            applyDelta(record.key(), JsonSerde.read(record.value(), OrgDelta.class));
        } else {
            organisationEvent(record);
        }
    }

    private void applyDelta(String orgId, OrgDelta delta) {
        OrgAggregate aggregate = aggregates.get(orgId);
        if (aggregate == null) {
            WaitingDeltas queued = waiting.get(orgId);
            List<OrgDelta> deltas = new ArrayList<>(queued == null ? List.of() : queued.deltas());
            deltas.add(delta);
            waiting.put(orgId, new WaitingDeltas(deltas));
            return;
        }
        if (delta.child() != null) {
            store(aggregate.withChild(delta.child(), delta.childAdded(), delta.recordedAt()));
            return;
        }
        if (delta.mergeInto() != null) {
            handOver(aggregate, delta);
            return;
        }
        if (delta.counters().isEmpty()) {
            return;
        }
        if (aggregate.mergedInto() != null && delta.month().compareTo(aggregate.mergedMonth()) >= 0) {
            // it happened after the merger: it is the target's
            forward(aggregate.mergedInto(), delta.counting());
            return;
        }
        apply(aggregate, delta);
        if (aggregate.mergedInto() != null) {
            // it happened before the merger, which took the stock over in its month
            Map<String, Long> stock = Counters.stock(delta.counters());
            if (!stock.isEmpty()) {
                OrgDelta leaving = OrgDelta.of(Counters.negate(stock), aggregate.mergedMonth(), delta.cause(),
                        delta.recordedAt());
                apply(aggregates.get(orgId), leaving);
                forward(aggregate.mergedInto(), OrgDelta.of(stock, aggregate.mergedMonth(), delta.cause(),
                        delta.recordedAt()));
            }
        }
    }

    /**
     * Applies a delta to the organisation's totals and month, and sends it up the line of the parent it had in the
     * delta's month; its stock then follows every move made since, in the month of the move.
     */
    private void apply(OrgAggregate aggregate, OrgDelta delta) {
        store(aggregate.plus(delta));
        storeMonth(aggregate.orgId(), delta);
        String parent = aggregate.parentIn(delta.month());
        if (parent != null) {
            forward(parent, delta.counting());
        }
        Map<String, Long> stock = Counters.stock(delta.counters());
        if (stock.isEmpty()) {
            return;
        }
        List<OrgAggregate.Placement> placements = aggregate.placements();
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
    private void handOver(OrgAggregate source, OrgDelta instruction) {
        String month = instruction.month();
        Map<String, Long> stockBefore = new java.util.TreeMap<>();
        for (String own : source.months()) {
            OrgMonth figures = months.get(OrgMonth.key(source.orgId(), own));
            if (figures == null) {
                continue;
            }
            if (own.compareTo(month) < 0) {
                stockBefore = Counters.plus(stockBefore, Counters.stock(figures.counters()));
            } else {
                apply(aggregates.get(source.orgId()), OrgDelta.of(Counters.negate(figures.counters()), own,
                        instruction.cause(), instruction.recordedAt()));
                forward(instruction.mergeInto(), OrgDelta.of(figures.counters(), own, instruction.cause(),
                        instruction.recordedAt()));
            }
        }
        if (!stockBefore.isEmpty()) {
            apply(aggregates.get(source.orgId()), OrgDelta.of(Counters.negate(stockBefore), month,
                    instruction.cause(), instruction.recordedAt()));
            forward(instruction.mergeInto(), OrgDelta.of(stockBefore, month, instruction.cause(),
                    instruction.recordedAt()));
        }
        store(aggregates.get(source.orgId()).mergedInto(instruction.mergeInto(), month, instruction.recordedAt()));
    }

    /**
     * The organisation moved to a new parent from a month: the stock it had before that month goes from the old
     * line to the new one in that month; what it counted in that month or later, sent up the old line before the
     * move was known, goes to the new line in the months it belongs to.
     */
    private void move(OrgAggregate current, String newParentId, String month, String cause, Instant at) {
        String since = month.compareTo(current.placedSince()) < 0 ? current.placedSince() : month;
        String oldParent = current.parentId();
        Map<String, Long> stockBefore = new java.util.TreeMap<>();
        for (String own : current.months()) {
            OrgMonth figures = months.get(OrgMonth.key(current.orgId(), own));
            if (figures == null) {
                continue;
            }
            if (own.compareTo(since) < 0) {
                stockBefore = Counters.plus(stockBefore, Counters.stock(figures.counters()));
            } else {
                if (oldParent != null) {
                    forward(oldParent, OrgDelta.of(Counters.negate(figures.counters()), own, cause, at));
                }
                forward(newParentId, OrgDelta.of(figures.counters(), own, cause, at));
            }
        }
        if (!stockBefore.isEmpty()) {
            if (oldParent != null) {
                forward(oldParent, OrgDelta.of(Counters.negate(stockBefore), since, cause, at));
            }
            forward(newParentId, OrgDelta.of(stockBefore, since, cause, at));
        }
    }

    private void organisationEvent(Record<String, byte[]> record) {
        EventEnvelope event = DeadLetters.readOrDeadLetter(context, record, OrganizationEvent.class,
                ReportingTopology.ORGANIZATION_DLT_SINK, Topics.ORGANIZATION, events);
        if (event == null) {
            return;
        }
        OrgAggregate current = aggregates.get(event.subject());
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
            OrgAggregate now = aggregates.get(event.subject());
            String next = parked.get(EventEnvelope.storageId(event.subject(), now.orgSeq() + 1));
            if (next == null) {
                return;
            }
            EventEnvelope waitingEvent = EventDocuments.toEnvelope(Document.parse(next));
            parked.delete(waitingEvent.storageId());
            apply(now, waitingEvent);
        }
    }

    private void apply(OrgAggregate current, EventEnvelope event) {
        Instant at = event.recordedAt();
        String cause = event.id().toString();
        String month = Counters.month(event.effectiveDate());
        switch ((OrganizationEvent) event.payload()) {
            case OrganizationRegistered e -> {
                store(OrgAggregate.registered(event.subject(), e.name(), e.level(), e.parentId(), event.seq(), at));
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
            case OrganizationRenamed e -> store(current.withOrganisation(e.name(), current.level(),
                    current.active(), event.seq(), at));
            case OrganizationMoved e -> {
                if (current.parentId() != null) {
                    forward(current.parentId(), OrgDelta.child(event.subject(), false, cause, at));
                }
                forward(e.newParentId(), OrgDelta.child(event.subject(), true, cause, at));
                if (current.mergedInto() == null) {
                    move(current, e.newParentId(), month, cause, at);
                }
                String since = month.compareTo(current.placedSince()) < 0 ? current.placedSince() : month;
                store(current.movedTo(e.newParentId(), since, event.seq(), at));
            }
            case OrganizationMerged e -> {
                for (String source : e.sourceIds()) {
                    forward(source, OrgDelta.mergeInto(event.subject(), month, cause, at));
                }
                store(current.withOrganisation(current.name(), current.level(), current.active(),
                        event.seq(), at));
            }
            case OrganizationDissolved e -> {
                store(current.withOrganisation(current.name(), current.level(), false, event.seq(), at));
                if ((current.active() || current.mergedInto() != null) && current.level() != null
                        && current.level().holdsMembers()) {
                    applyDelta(event.subject(), OrgDelta.of(Map.of(Counters.CELLS, -1L), month, cause, at));
                }
            }
            case UnitRegistered e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.REGISTERED, event.subject(), e.kind(), null, null,
                        false, 0, month, cause, at));
                store(current.withOrganisation(current.name(), current.level(), current.active(),
                        event.seq(), at));
            }
            case UnitCovered e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.COVERED, null, null, e.cellId(), null, false, 0,
                        month, cause, at));
                store(current.withOrganisation(current.name(), current.level(), current.active(),
                        event.seq(), at));
            }
            case PositionAssigned e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.POSITION_ASSIGNED, null, null, null, e.position(),
                        e.memberId() != null, 0, month, cause, at));
                store(current.withOrganisation(current.name(), current.level(), current.active(),
                        event.seq(), at));
            }
            case PositionVacated e -> {
                unitFact(new UnitFact(e.unitId(), UnitFact.Change.POSITION_VACATED, null, null, null, e.position(),
                        false, 0, month, cause, at));
                store(current.withOrganisation(current.name(), current.level(), current.active(),
                        event.seq(), at));
            }
        }
    }

    private void unitFact(UnitFact fact) {
        context.forward(new Record<>(fact.unitId(), JsonSerde.bytes(fact), fact.recordedAt().toEpochMilli()),
                ReportingTopology.UNIT_FACTS_SINK);
    }

    private void store(OrgAggregate aggregate) {
        aggregates.put(aggregate.orgId(), aggregate);
    }

    /** Applies a delta to its month of the organisation's figures. */
    private void storeMonth(String orgId, OrgDelta delta) {
        if (delta.month() == null || delta.counters().isEmpty()) {
            return;
        }
        String key = OrgMonth.key(orgId, delta.month());
        OrgMonth month = months.get(key);
        OrgMonth updated = (month == null ? new OrgMonth(orgId, delta.month(), Map.of(), 0) : month)
                .plus(delta.counters());
        months.put(key, updated);
    }

    private void forward(String orgId, OrgDelta delta) {
        context.forward(new Record<>(orgId, JsonSerde.bytes(delta), delta.recordedAt().toEpochMilli()),
                ReportingTopology.DELTAS_SINK);
    }
}
