package chibo.platform.kafka;

import chibo.contracts.EventEnvelope;
import chibo.platform.projection.RecordBatches;
import chibo.platform.tracing.EventTracing;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Reads CloudEvents Kafka records delivered by the Spring Cloud Stream Kafka binder (with {@code use-native-decoding}:
 * the records' bytes as Kafka read them), and applies them as every chibo consumer does: inside
 * {@link EventTracing#consuming}, a batch through {@link RecordBatches}.
 */
public final class EventMessages {

    private EventMessages() {
    }

    /**
     * Applies a batch binding's poll (a message of the records' values, with their headers and topics in
     * {@link KafkaHeaders#BATCH_CONVERTED_HEADERS} and {@link KafkaHeaders#RECEIVED_TOPIC}) traced as
     * {@code consumer}'s, with the effect of applying the records one by one ({@link RecordBatches#handle}).
     *
     * @param read reads a record, by its Kafka headers and value, as an event; throws for one that cannot be read
     */
    public static void handleBatch(EventTracing tracing, String consumer, Message<List<byte[]>> message,
                                   BiFunction<Headers, byte[], EventEnvelope> read,
                                   Consumer<List<EventEnvelope>> batch, Consumer<EventEnvelope> single) {
        List<byte[]> payloads = message.getPayload();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> headers = message.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS,
                List.class);
        @SuppressWarnings("unchecked")
        List<String> topics = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, List.class);
        List<Integer> records = IntStream.range(0, payloads.size()).boxed().toList();
        tracing.consuming(consumer, records, topics::get, index -> EventTracing.traceparent(headers.get(index)),
                () -> RecordBatches.handle(records,
                        index -> read.apply(kafkaHeaders(headers.get(index)), payloads.get(index)),
                        batch, single));
    }

    /**
     * Applies a record of a binding that consumes one at a time, traced as {@code consumer}'s.
     *
     * @param apply applies the record, by its Kafka headers and value
     */
    public static void handle(EventTracing tracing, String consumer, Message<byte[]> message,
                              BiConsumer<Headers, byte[]> apply) {
        String topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        tracing.consuming(consumer, List.of(message), received -> topic,
                received -> EventTracing.traceparent(received.getHeaders()),
                () -> apply.accept(kafkaHeaders(message.getHeaders()), message.getPayload()));
    }

    /**
     * The binder passes the record's headers through; turn the CloudEvents ones back into Kafka headers. Spring
     * Cloud Function may have renamed {@code ce_x} to its canonical {@code ce-x}: both are read.
     */
    public static Headers kafkaHeaders(Map<String, Object> headers) {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, value) -> {
            if (name.startsWith("ce_") || name.startsWith("ce-") || name.equals("content-type")) {
                String kafkaName = name.startsWith("ce-") ? "ce_" + name.substring(3) : name;
                kafka.add(kafkaName, value instanceof byte[] bytes ? bytes
                        : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        });
        return kafka;
    }
}
