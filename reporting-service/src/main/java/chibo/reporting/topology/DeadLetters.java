package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.InvalidEventException;
import chibo.contracts.TrustedSigners;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.StandardCharsets;

/** Sends an unreadable record, unchanged, to the dead-letter sink with the reason in its headers. */
final class DeadLetters {

    static final String REASON_HEADER = "x-exception-message";
    static final String TOPIC_HEADER = "x-original-topic";

    private DeadLetters() {
    }

    /**
     * Reads a record as an event of the expected family signed by a key allowed on {@code topic} (a re-driven
     * record too: it keeps its signature), or dead-letters it with the reason and returns null.
     */
    static EventEnvelope readOrDeadLetter(ProcessorContext<String, byte[]> context, Record<String, byte[]> record,
                                          Class<?> family, String sink, String topic, TopologyEvents events,
                                          TrustedSigners signers) {
        try {
            return read(record.headers(), record.value(), family, topic, signers);
        } catch (InvalidEventException e) {
            send(context, record, sink, topic, e.getMessage(), events);
            return null;
        }
    }

    /**
     * A record read as an event of the expected family signed by a key allowed on {@code topic}, or an
     * {@link InvalidEventException} saying why it is dead-lettered.
     */
    static EventEnvelope read(Headers headers, byte[] value, Class<?> family, String topic, TrustedSigners signers) {
        EventEnvelope event = signers.read(topic, headers, value).envelope();
        if (!family.isInstance(event.payload())) {
            throw new InvalidEventException(event.type() + " does not belong on " + topic);
        }
        return event;
    }

    static void send(ProcessorContext<String, byte[]> context, Record<String, byte[]> record, String sink,
                     String topic, String reason, TopologyEvents events) {
        context.forward(record.withHeaders(headers(record.headers(), topic, reason)), sink);
        events.deadLettered(topic, reason);
    }

    /** A dead letter's headers: the record's own, with the reason and the topic it was read from. */
    static RecordHeaders headers(Headers original, String topic, String reason) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(TOPIC_HEADER, topic.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
