package chibo.bench;

import chibo.localstack.GeneratedProvince;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The physical baseline: what the broker and a plain client do with records of chibo's size when nothing else is
 * done with them. A raw producer configured as the outbox relay is (idempotent, acks=all, linger 5 ms) writes one
 * record per import line, keyed by the line's member, on a topic partitioned as the event topics are; a raw
 * consumer reads them back, and reads the event topics from the start.
 */
final class RawKafka {

    static final String TOPIC = "bench.raw";
    static final int PARTITIONS = 6;

    private RawKafka() {
    }

    /** Produces then consumes one record per import line: records per second each. */
    static ObjectNode produceAndConsume(Map<String, Object> kafka, GeneratedProvince province, ObjectNode into)
            throws InterruptedException {
        List<SampleEvents.Body> sample = SampleEvents.of(province);
        createTopic(kafka);
        long produced = 0;
        long bytes = 0;
        long started;
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.putAll(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5, ProducerConfig.LINGER_MS_CONFIG, 5));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig,
                new StringSerializer(), new ByteArraySerializer())) {
            // connected, the producer id granted and one record acknowledged before the clock starts: the rate,
            // not the set-up (the consumer below reads that record too)
            producer.send(new ProducerRecord<>(TOPIC, null, "warm-up", sample.getFirst().value(),
                    sample.getFirst().headers())).get();
            started = System.nanoTime();
            for (GeneratedProvince.Member member : province.members) {
                for (int step = 0; step < member.steps.size(); step++) {
                    SampleEvents.Body body = sample.get((int) (produced % sample.size()));
                    producer.send(new ProducerRecord<>(TOPIC, null, member.id, body.value(), body.headers()));
                    bytes += body.value().length;
                    produced++;
                }
            }
            producer.flush();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the raw producer cannot write to " + TOPIC + ": " + e.getCause(),
                    e.getCause());
        }
        double produceSeconds = BenchResults.seconds(started);
        Read read = readAll(kafka, List.of(TOPIC));
        long consumed = read.records();
        double consumeSeconds = read.seconds();
        into.put("topic", TOPIC);
        into.put("partitions", PARTITIONS);
        into.put("records", produced);
        into.put("sampledEvents", sample.size());
        into.put("meanValueBytes", produced == 0 ? 0 : bytes / produced);
        into.put("headersPerRecord", sample.getFirst().headers().size());
        into.put("producerSeconds", BenchResults.round(produceSeconds));
        into.put("producerPerSecond", Math.round(produced / produceSeconds));
        into.put("consumerRecords", consumed);
        into.put("consumerSeconds", BenchResults.round(consumeSeconds));
        into.put("consumerPerSecond", Math.round(consumed / consumeSeconds));
        return into;
    }

    /** What a raw read took, timed from its first fetch (connecting and finding the ends are not counted). */
    record Read(long records, double seconds) {

        long perSecond() {
            return Math.round(records / seconds);
        }
    }

    /** Reads every record of the topics from the start, as fast as a plain consumer can. */
    static Read readAll(Map<String, Object> kafka, Collection<String> topics) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putAll(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20));
        long read = 0;
        // a plain consumer, not a binding: the baseline is what a bare client does, with nothing of chibo's around it
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                        info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            partitions.forEach(consumer::position);
            long started = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            return new Read(read, BenchResults.seconds(started));
        }
    }

    private static void createTopic(Map<String, Object> kafka) throws InterruptedException {
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause(), e.getCause());
        }
    }
}
