package chibo.reporting.aggregates;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
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
 * the target, and the source passes on whatever still reaches it. Each new version goes to the org-counts topic.
 */
final class OrgAggregateProcessor implements Processor<String, byte[], String, byte[]> {

    static final String AGGREGATES = "org-aggregates";
    static final String WAITING = "org-waiting";
    static final String PARKED = "org-parked";

    private final ReportingTopics topics;
    private final TopologyEvents events;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, OrgAggregate> aggregates;
    private KeyValueStore<String, WaitingDeltas> waiting;
    private KeyValueStore<String, String> parked;

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
        this.aggregates = context.getStateStore(AGGREGATES);
        this.waiting = context.getStateStore(WAITING);
        this.parked = context.getStateStore(PARKED);
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
        if (aggregate.mergedInto() != null) {
            forward(aggregate.mergedInto(), OrgDelta.of(delta.counters(), delta.cause(), delta.recordedAt()));
            return;
        }
        if (delta.mergeInto() != null) {
            handOver(aggregate, delta);
            return;
        }
        OrgAggregate updated = aggregate.withCounters(Counters.plus(aggregate.counters(), delta.counters()),
                delta.recordedAt());
        store(updated);
        if (updated.parentId() != null) {
            forward(updated.parentId(), delta);
        }
    }

    /** This organisation was merged into another: its totals leave its old line and join the target's. */
    private void handOver(OrgAggregate source, OrgDelta instruction) {
        Map<String, Long> totals = source.counters();
        if (!totals.isEmpty()) {
            if (source.parentId() != null) {
                forward(source.parentId(), OrgDelta.of(Counters.negate(totals), instruction.cause(),
                        instruction.recordedAt()));
            }
            forward(instruction.mergeInto(), OrgDelta.of(totals, instruction.cause(), instruction.recordedAt()));
        }
        store(source.mergedInto(instruction.mergeInto(), instruction.recordedAt()));
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
        switch ((OrganizationEvent) event.payload()) {
            case OrganizationRegistered e -> {
                store(OrgAggregate.registered(event.subject(), e.name(), e.level(), e.parentId(), event.seq(), at));
                WaitingDeltas queued = waiting.get(event.subject());
                if (queued != null) {
                    waiting.delete(event.subject());
                    queued.deltas().forEach(delta -> applyDelta(event.subject(), delta));
                }
            }
            case OrganizationRenamed e -> store(current.withOrganisation(e.name(), current.level(),
                    current.parentId(), current.active(), event.seq(), at));
            case OrganizationMoved e -> {
                Map<String, Long> totals = current.counters();
                if (!totals.isEmpty()) {
                    String cause = event.id().toString();
                    if (current.parentId() != null) {
                        forward(current.parentId(), OrgDelta.of(Counters.negate(totals), cause, at));
                    }
                    forward(e.newParentId(), OrgDelta.of(totals, cause, at));
                }
                store(current.withOrganisation(current.name(), current.level(), e.newParentId(), current.active(),
                        event.seq(), at));
            }
            case OrganizationMerged e -> {
                for (String source : e.sourceIds()) {
                    forward(source, new OrgDelta(Map.of(), event.id().toString(), at, event.subject()));
                }
                store(current.withOrganisation(current.name(), current.level(), current.parentId(),
                        current.active(), event.seq(), at));
            }
            case OrganizationDissolved e -> store(current.withOrganisation(current.name(), current.level(),
                    current.parentId(), false, event.seq(), at));
            default -> store(current.withOrganisation(current.name(), current.level(), current.parentId(),
                    current.active(), event.seq(), at));
        }
    }

    private void store(OrgAggregate aggregate) {
        aggregates.put(aggregate.orgId(), aggregate);
        context.forward(new Record<>(aggregate.orgId(), JsonSerde.bytes(aggregate), timestamp(aggregate)),
                ReportingTopology.COUNTS_SINK);
    }

    private void forward(String orgId, OrgDelta delta) {
        context.forward(new Record<>(orgId, JsonSerde.bytes(delta), delta.recordedAt().toEpochMilli()),
                ReportingTopology.DELTAS_SINK);
    }

    private static long timestamp(OrgAggregate aggregate) {
        return aggregate.lastRecordedAt() == null ? 0 : aggregate.lastRecordedAt().toEpochMilli();
    }
}
