package chibo.testsupport;

import chibo.contracts.CloudEventsKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A plain Kafka consumer, the way any client outside chibo would read the topics: no group, every partition from
 * the beginning, committed records only.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public KafkaProbe(String bootstrapServers, String topic) {
        this(bootstrapServers, Map.of(), topic);
    }

    /** @param client what the broker asks of a client besides its address (credentials) */
    public KafkaProbe(String bootstrapServers, Map<String, Object> client, String topic) {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until some record seen so far matches, and returns the records of the same key in offset order. */
    public List<ConsumerRecord<String, byte[]>> awaitKey(String key, Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                         Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return done.test(ofKey(key));
        });
        return ofKey(key);
    }

    public List<CloudEventsKafka.ReceivedEvent> awaitEvents(String subject, int count, Duration timeout) {
        return awaitKey(subject, records -> records.size() >= count, timeout).stream()
                .map(record -> CloudEventsKafka.read(record.headers(), record.value()))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> ofKey(String key) {
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
