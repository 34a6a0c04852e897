package chibo.testsupport;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Publishes events the way chibo's producing services do (sealed envelopes, per-subject seq and hash chain,
 * CloudEvents headers, signed with the owning service's test key), for testing consumers without the producer. Can also send raw records and events out of
 * order, to test duplicates, gaps and poison.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventChains chains;

    public EventPublisher(String bootstrapServers, String source) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.chains = new EventChains(source);
    }

    /** Seals the subject's next event without sending it. */
    public EventEnvelope next(String subject, LocalDate effectiveDate, String actingOrg, EventPayload payload) {
        return chains.next(subject, effectiveDate, actingOrg, payload);
    }

    /** Seals and sends the subject's next event; returns once the broker has it. */
    public EventEnvelope publish(String subject, LocalDate effectiveDate, String actingOrg, EventPayload payload) {
        EventEnvelope event = next(subject, effectiveDate, actingOrg, payload);
        send(event);
        return event;
    }

    /** Seals and sends the subject's next event without waiting for the broker: {@link #flush()} waits for all. */
    public EventEnvelope publishLater(String subject, LocalDate effectiveDate, String actingOrg,
                                      EventPayload payload) {
        EventEnvelope event = next(subject, effectiveDate, actingOrg, payload);
        producer.send(TestEventKeys.signed(event));
        return event;
    }

    /** Waits until the broker has every event sent so far. */
    public void flush() {
        producer.flush();
    }

    /** Sends the event signed with the test key of the service that owns its topic. */
    public void send(EventEnvelope event) {
        send(TestEventKeys.signed(event));
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
