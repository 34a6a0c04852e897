package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.platform.projection.SequenceGate;
import chibo.platform.tracing.EventTracing;
import chibo.reporting.figures.FiguresCodec;
import chibo.reporting.figures.MonthState;
import chibo.reporting.figures.OrgFigures;
import chibo.reporting.figures.OrgDelta;
import chibo.reporting.figures.OrgMonth;
import chibo.reporting.figures.OrgRollup;
import chibo.reporting.figures.OrgFiguresState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.util.List;

/**
 * Keeps each organisation's figures, including its whole subtree, from two co-partitioned inputs keyed by
 * organisation: the organisation's own events (its place in the tree) and the deltas meant for it. The rules are
 * {@link OrgRollup}'s; this processor lets each organisation's events through once and in seq order (through the
 * {@link SequenceGate}, parking early ones in its store), dead-letters what cannot be read, and sends what the
 * roll-up decided. Figures are changed in place ({@link OrgFiguresState},
 * {@link MonthState}) and written once per commit ({@link ObjectStore}); the two stores' changelogs, one record per
 * changed key per commit, are what the MongoDB sink reads.
 */
final class OrgFiguresProcessor implements Processor<String, byte[], String, byte[]> {

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
    private ObjectStore<OrgFiguresState> aggregates;
    private KeyValueStore<String, WaitingDeltas> waiting;
    private SequenceGate gate;
    private ObjectStore<MonthState> months;
    private final DeltaOutbox deltas = new DeltaOutbox(ReportingTopology.DELTAS_SINK);

    private final TrustedSigners signers;
    private OrgRollup rollup;

    OrgFiguresProcessor(ReportingTopics topics, TopologyEvents events, TrustedSigners signers) {
        this.signers = signers;
        this.topics = topics;
        this.events = events;
    }

    /** Deltas for an organisation whose registration has not arrived yet. */
    record WaitingDeltas(List<OrgDelta> deltas) {
    }

    /** Each organisation's figures, published as {@link OrgFigures}. */
    static StoreBuilder<ObjectStore<OrgFiguresState>> aggregatesStore() {
        return ObjectStore.builder(AGGREGATES, state -> FiguresCodec.bytes(state.toFigures()),
                bytes -> OrgFiguresState.of(FiguresCodec.readFigures(bytes)), KEEP_AGGREGATES);
    }

    /** Each organisation's months, keyed {@code orgId|2025-07}, published as {@link OrgMonth}. */
    static StoreBuilder<ObjectStore<MonthState>> monthsStore() {
        return ObjectStore.builder(MONTHS, (MonthState month) -> FiguresCodec.bytes(month),
                FiguresCodec::readMonthState, KEEP_MONTHS);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.aggregates = context.getStateStore(AGGREGATES);
        this.waiting = context.getStateStore(WAITING);
        this.gate = new SequenceGate(new StoreParking(context.getStateStore(PARKED)),
                events.arrivals(Topics.ORGANIZATION));
        this.months = context.getStateStore(MONTHS);
        deltas.init(context, aggregates);
        rollup = new OrgRollup(new StoredFigures());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        if (topic.equals(topics.orgDeltas())) {
            send(rollup.delta(record.key(), OrgDelta.read(record.value())));
        } else {
            events.tracing().consuming(context.applicationId(), List.of(record), applied -> Topics.ORGANIZATION,
                    applied -> EventTracing.traceparent(applied.headers()), () -> organisationEvent(record));
        }
    }

    private void organisationEvent(Record<String, byte[]> record) {
        EventEnvelope event = DeadLetters.readOrDeadLetter(context, record, OrganizationEvent.class,
                ReportingTopology.ORGANIZATION_DLT_SINK, Topics.ORGANIZATION, events, signers);
        if (event == null) {
            return;
        }
        OrgFiguresState current = aggregates.get(event.subject());
        gate.offer(event, current == null ? 0 : current.orgSeq(),
                arrived -> appliedOrDeadLettered(record, current, arrived),
                released -> send(rollup.organisationEvent(released)));
    }

    /** The event applied; or, should it be about an organisation not registered yet, dead-lettered. */
    private boolean appliedOrDeadLettered(Record<String, byte[]> record, OrgFiguresState current, EventEnvelope event) {
        if (current == null && !(event.payload() instanceof OrganizationRegistered)) {
            DeadLetters.send(context, record, ReportingTopology.ORGANIZATION_DLT_SINK, Topics.ORGANIZATION,
                    event.type() + " for unregistered organisation " + event.subject(), events);
            return false;
        }
        send(rollup.organisationEvent(event));
        return true;
    }

    /** Sends what the roll-up decided: deltas through the outbox, unit facts at once to the unit fold. */
    private void send(OrgRollup.Outcome outcome) {
        outcome.deltas().forEach(sent -> forward(sent.orgId(), sent.delta()));
        outcome.unitFacts().forEach(fact -> context.forward(new Record<>(fact.unitId(), JsonSerde.bytes(fact),
                fact.recordedAt().toEpochMilli()), ReportingTopology.UNIT_FACTS_SINK));
    }

    /** Changes of counters are summed until the task commits; instructions go at once, after them. */
    private void forward(String orgId, OrgDelta delta) {
        if (delta.mergeInto() == null && delta.child() == null) {
            deltas.add(orgId, delta);
        } else {
            deltas.sendNow(orgId, delta);
        }
    }

    /** The roll-up's figures, in this task's stores. */
    private final class StoredFigures implements OrgRollup.Figures {

        @Override
        public OrgFiguresState organisation(String orgId) {
            return aggregates.get(orgId);
        }

        @Override
        public void put(OrgFiguresState organisation) {
            aggregates.put(organisation.orgId(), organisation);
        }

        @Override
        public MonthState month(String key) {
            return months.get(key);
        }

        @Override
        public void put(String key, MonthState month) {
            months.put(key, month);
        }

        @Override
        public List<OrgDelta> waiting(String orgId) {
            WaitingDeltas held = waiting.get(orgId);
            return held == null ? List.of() : held.deltas();
        }

        @Override
        public void waiting(String orgId, List<OrgDelta> deltas) {
            if (deltas.isEmpty()) {
                waiting.delete(orgId);
            } else {
                waiting.put(orgId, new WaitingDeltas(deltas));
            }
        }
    }
}
