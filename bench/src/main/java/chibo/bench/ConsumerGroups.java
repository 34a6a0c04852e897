package chibo.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What the broker says about progress: records on a topic, and whether every consumer group has caught up. */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Records on the topic: the sum of its partitions' end offsets. */
    static long records(Map<String, Object> kafka, String topic) {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until the topic holds at least {@code expected} records. */
    static void awaitRecords(Map<String, Object> kafka, String topic, long expected, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (records(kafka, topic) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + expected + " records reached " + topic + " in "
                        + patience);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /**
     * Waits until every consumer group (membership's read models, meeting-service's rosters, the audit archive, the
     * live projection and its sinks) has consumed what was published, so the next measurement has the cores to
     * itself: lag at most a transaction marker or two per partition, and unchanged over three looks.
     */
    static void awaitQuiet(Map<String, Object> kafka, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Admin admin = Admin.create(kafka)) {
            long previous = -1;
            int steady = 0;
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> committed = new HashMap<>();
                for (var group : admin.listConsumerGroups().all().get()) {
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                            .forEach((partition, offset) -> {
                                if (offset != null) {
                                    committed.merge(partition, offset.offset(), Math::min);
                                }
                            });
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition,
                        info.offset()));
                long lag = 0;
                boolean near = true;
                for (var entry : committed.entrySet()) {
                    long behind = Math.max(0, ends.getOrDefault(entry.getKey(), 0L) - entry.getValue());
                    lag += behind;
                    near &= behind <= 2;
                }
                steady = near && lag == previous ? steady + 1 : 0;
                if (steady >= 2) {
                    return;
                }
                previous = lag;
                TimeUnit.SECONDS.sleep(2);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read consumer group offsets: " + e.getCause(), e.getCause());
        }
        throw new IllegalStateException("the consumers did not catch up within " + patience);
    }

}
