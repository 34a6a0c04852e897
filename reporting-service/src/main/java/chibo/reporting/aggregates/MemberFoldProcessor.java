package chibo.reporting.aggregates;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberEvent;
import chibo.platform.eventstore.EventDocuments;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bson.Document;

import java.util.Map;

/**
 * Folds each member's events, in seq order and once each, into the member's facts, and sends the change in what
 * the member counts for to their cell (or from the old cell to the new one). Repeats are skipped; an event whose
 * predecessor has not arrived is parked until it does; an unreadable record goes to the dead-letter topic.
 */
final class MemberFoldProcessor implements Processor<String, byte[], String, byte[]> {

    static final String STATES = "member-facts";
    static final String PARKED = "member-parked";

    private final TopologyEvents events;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, MemberRecord> states;
    private KeyValueStore<String, String> parked;

    MemberFoldProcessor(TopologyEvents events) {
        this.events = events;
    }

    /** A member's facts as of the event with this seq. */
    record MemberRecord(long seq, MemberFacts facts) {
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.states = context.getStateStore(STATES);
        this.parked = context.getStateStore(PARKED);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        EventEnvelope event = DeadLetters.readOrDeadLetter(context, record, MemberEvent.class,
                ReportingTopology.MEMBERSHIP_DLT_SINK, Topics.MEMBERSHIP, events);
        if (event == null) {
            return;
        }
        MemberRecord current = states.get(event.subject());
        long seq = current == null ? 0 : current.seq();
        if (event.seq() <= seq) {
            events.duplicate(Topics.MEMBERSHIP);
            return;
        }
        if (event.seq() > seq + 1) {
            parked.put(event.storageId(), EventDocuments.toDocument(event).toJson());
            events.parked(Topics.MEMBERSHIP);
            return;
        }
        try {
            current = apply(current, event);
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
            DeadLetters.send(context, record, ReportingTopology.MEMBERSHIP_DLT_SINK, Topics.MEMBERSHIP,
                    "cannot apply " + event.type() + " seq " + event.seq() + " of " + event.subject() + ": "
                            + e.getMessage(), events);
            return;
        }
        for (String next = parked.get(EventEnvelope.storageId(event.subject(), current.seq() + 1)); next != null;
             next = parked.get(EventEnvelope.storageId(event.subject(), current.seq() + 1))) {
            EventEnvelope waiting = EventDocuments.toEnvelope(Document.parse(next));
            parked.delete(waiting.storageId());
            current = apply(current, waiting);
        }
    }

    private MemberRecord apply(MemberRecord current, EventEnvelope event) {
        MemberFacts before = current == null ? null : current.facts();
        if (before == null && !startsMembership(event)) {
            throw new IllegalStateException("a member's history starts with an admission, readmission or"
                    + " enrolment");
        }
        MemberFacts after = MemberFacts.apply(before, event);
        Map<String, Long> beforeCounters = before == null ? Map.of() : before.counters();
        if (before != null && !before.cellId().equals(after.cellId())) {
            send(before.cellId(), Counters.negate(beforeCounters), event);
            send(after.cellId(), after.counters(), event);
        } else {
            send(after.cellId(), Counters.difference(beforeCounters, after.counters()), event);
        }
        MemberRecord next = new MemberRecord(event.seq(), after);
        states.put(event.subject(), next);
        return next;
    }

    private static boolean startsMembership(EventEnvelope event) {
        return switch (event.payload()) {
            case chibo.contracts.member.MemberAdmitted e -> true;
            case chibo.contracts.member.MemberReadmitted e -> true;
            case chibo.contracts.member.MemberEnrolledFromRegister e -> true;
            default -> false;
        };
    }

    private void send(String cellId, Map<String, Long> counters, EventEnvelope cause) {
        if (counters.isEmpty()) {
            return;
        }
        OrgDelta delta = OrgDelta.of(counters, cause.id().toString(), cause.recordedAt());
        context.forward(new Record<>(cellId, JsonSerde.bytes(delta), cause.recordedAt().toEpochMilli()),
                ReportingTopology.DELTAS_SINK);
    }
}
