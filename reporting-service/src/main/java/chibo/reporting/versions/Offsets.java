package chibo.reporting.versions;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Where topics end and how far a consumer group has committed, summed per topic. */
final class Offsets {

    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private final Object looking = new Object();
    /** The consumer that looks past groups' offsets ({@link #looker}), once made; guarded by {@link #looking}. */
    private KafkaConsumer<byte[], byte[]> looker;

    /** @param consumerConfig the service's consumer settings (servers, credentials), for the consumer that looks */
    Offsets(Admin admin, Map<String, Object> consumerConfig) {
        this.admin = admin;
        this.consumerConfig = consumerConfig;
    }

    /** Per topic: records not yet committed by the group (end offset minus committed offset, summed). */
    Map<String, Long> lag(String group, Collection<String> topics) {
        Map<String, Long> ends = new HashMap<>();
        Map<String, Long> done = committed(group, topics);
        ends(topics).forEach((partition, end) -> ends.merge(partition.topic(), end, Long::sum));
        Map<String, Long> lag = new HashMap<>();
        ends.forEach((topic, end) -> lag.put(topic, Math.max(0, end - done.getOrDefault(topic, 0L))));
        return lag;
    }

    /** Per topic: the offsets the group has committed, summed over partitions. */
    Map<String, Long> committed(String group, Collection<String> topics) {
        Map<String, Long> committed = new HashMap<>();
        call(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS))
                .forEach((TopicPartition partition, OffsetAndMetadata offset) -> {
                    if (offset != null && topics.contains(partition.topic())) {
                        committed.merge(partition.topic(), offset.offset(), Long::sum);
                    }
                });
        return committed;
    }

    /** The end offset of every partition of the topics (a topic that does not exist yet has none). */
    Map<TopicPartition, Long> ends(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            try {
                call(() -> admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS))
                        .get(topic).partitions().forEach(partition ->
                                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        call(() -> admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS))
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * Whether the group has consumed every record of the topics. Topics written in transactions end with commit
     * markers that are not records, so a group that has read everything may still sit a marker or two before the
     * end offset: what lies between its committed offset and the end is read (read-committed) to tell.
     */
    boolean consumedAll(String group, Collection<String> topics) {
        Map<TopicPartition, OffsetAndMetadata> committed = call(() -> admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
        Map<TopicPartition, Long> behind = new HashMap<>();
        ends(topics).forEach((partition, end) -> {
            OffsetAndMetadata done = committed.get(partition);
            long from = done == null ? 0 : done.offset();
            if (end > from) {
                behind.put(partition, from);
            }
        });
        if (behind.isEmpty()) {
            return true;
        }
        return nothingReadableAfter(behind);
    }

    /** Whether nothing readable (read-committed) lies past the offsets given, up to the partitions' ends. */
    private boolean nothingReadableAfter(Map<TopicPartition, Long> from) {
        synchronized (looking) {
            KafkaConsumer<byte[], byte[]> consumer = looker();
            try {
                consumer.assign(from.keySet());
                from.forEach(consumer::seek);
                Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
                long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < deadline) {
                    if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                        return false;
                    }
                    if (from.keySet().stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                        return true;
                    }
                }
                return false;
            } catch (RuntimeException e) {
                closeLooker();
                throw e;
            } finally {
                if (looker != null) {
                    looker.unsubscribe();
                }
            }
        }
    }

    /**
     * The one consumer that looks past groups' offsets, made at the first look and kept: a rebuild's progress is
     * asked every second or so by whoever follows it, and a consumer made, connected and closed for every look was
     * a twentieth of reporting's work during a rebuild. A plain consumer, not a binding: in no group, committing
     * nothing; one record is enough to say "not yet", so its fetches are small, and a look at a version far behind
     * does not pull megabytes per partition into the heap.
     */
    private KafkaConsumer<byte[], byte[]> looker() {
        if (looker == null) {
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024);
            config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024);
            looker = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return looker;
    }

    private void closeLooker() {
        if (looker != null) {
            KafkaConsumer<byte[], byte[]> closing = looker;
            looker = null;
            closing.close(Duration.ofSeconds(5));
        }
    }

    /** Closes the consumer that looks past groups' offsets, if one was made. */
    void close() {
        synchronized (looking) {
            closeLooker();
        }
    }

    /** The records on the topics, summed. */
    long total(Collection<String> topics) {
        return ends(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    private interface Call<T> {
        T get() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time", e);
        }
    }
}
