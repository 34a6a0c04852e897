package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.TrustedSigners;
import chibo.platform.projection.SequenceGate;
import chibo.platform.tracing.EventTracing;
import chibo.reporting.figures.OrgDelta;
import chibo.reporting.figures.UnitFact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Folds each subject's events in seq order and once each, through the {@link SequenceGate}: a repeat is skipped, an
 * event whose predecessor has not arrived is parked in the task's store until it does (and counted in a metric), an
 * unreadable or untrusted record or one that cannot be applied goes to the dead-letter topic with the reason, and
 * processing goes on.
 *
 * @param <S> what is kept per subject, with the seq of its last applied event
 */
abstract class SubjectFold<S extends SubjectFold.Folded> implements Processor<String, byte[], String, byte[]> {

    /** A subject's state as of its last applied event. */
    interface Folded {
        long seq();
    }

    private final String topic;
    private final Class<?> family;
    private final String statesStore;
    private final String parkedStore;
    private final String deadLetterSink;
    protected final TopologyEvents events;
    private final TrustedSigners signers;
    protected ProcessorContext<String, byte[]> context;
    private ObjectStore<S> states;
    private final DeltaOutbox deltas = new DeltaOutbox(ReportingTopology.DELTAS_SINK);
    private SequenceGate gate;

    SubjectFold(String topic, Class<?> family, String statesStore, String parkedStore, String deadLetterSink,
                TopologyEvents events, TrustedSigners signers) {
        this.signers = signers;
        this.topic = topic;
        this.family = family;
        this.statesStore = statesStore;
        this.parkedStore = parkedStore;
        this.deadLetterSink = deadLetterSink;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.states = context.getStateStore(statesStore);
        this.gate = new SequenceGate(new StoreParking(context.getStateStore(parkedStore)), events.arrivals(topic));
        deltas.init(context, states);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        events.tracing().consuming(context.applicationId(), List.of(record), applied -> topic,
                applied -> EventTracing.traceparent(applied.headers()), () -> fold(record));
    }

    private void fold(Record<String, byte[]> record) {
        EventEnvelope event = DeadLetters.readOrDeadLetter(context, record, family, deadLetterSink, topic, events,
                signers);
        if (event == null) {
            return;
        }
        S current = states.get(event.subject());
        gate.offer(event, current == null ? 0 : current.seq(),
                arrived -> appliedOrDeadLettered(record, current, arrived),
                released -> fold(states.get(released.subject()), released));
    }

    /** The event applied; or, should it not apply to the subject's state, dead-lettered with the reason. */
    private boolean appliedOrDeadLettered(Record<String, byte[]> record, S current, EventEnvelope event) {
        try {
            fold(current, event);
            return true;
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
            DeadLetters.send(context, record, deadLetterSink, topic, "cannot apply " + event.type() + " seq "
                    + event.seq() + " of " + event.subject() + ": " + e.getMessage(), events);
            return false;
        }
    }

    private void fold(S current, EventEnvelope event) {
        states.put(event.subject(), apply(current, event));
    }

    /** The subject's state after the event, forwarding whatever the event changes. */
    protected abstract S apply(S current, EventEnvelope event);

    /** Sends a change of counters to an organisation, for the month given (summed until the task commits). */
    protected void sendDelta(String orgId, Map<String, Long> counters, String month, EventEnvelope cause) {
        deltas.add(orgId, OrgDelta.of(counters, month, cause.id().toString(), cause.recordedAt()));
    }

    /** Sends a fact about a unit to the unit fold. */
    protected void sendUnitFact(UnitFact fact) {
        context.forward(new Record<>(fact.unitId(), JsonSerde.bytes(fact), millis(fact.recordedAt())),
                ReportingTopology.UNIT_FACTS_SINK);
    }

    static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
