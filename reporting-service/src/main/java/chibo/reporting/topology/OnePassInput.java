package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.InvalidEventException;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.organization.OrganizationEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a one-pass build folds, read ahead of the fold: one thread reads the sources in order, each to its end as
 * of when it is first looked at, and two more read each record's JSON and check its signature (more than half the
 * work per record, and needing no order), so that the folding thread does nothing but fold. The fold takes the
 * chunks in the order read; at most {@value #AHEAD} chunks of at most {@value #CHUNK} records wait for it, so a
 * slow fold holds the reading back instead of filling the heap.
 */
final class OnePassInput implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int CHUNK = 500;
    private static final int AHEAD = 16;
    private static final Chunk END = new Chunk(null, List.of());

    /** A record read and its signature checked: the event, or why the topology would dead-letter it. */
    record Read(ConsumerRecord<String, byte[]> record, EventEnvelope event, String unreadable) {
    }

    /** Records of one source read in order, each read as an event of {@code topic}'s family. */
    record Chunk(String topic, List<Read> reads) {
    }

    /** A source and the family its records are read as: an input topic, or its re-drive topic. */
    record Source(String topic, String name) {
    }

    private final Map<String, Object> consumerConfig;
    private final TrustedSigners signers;
    private final List<Source> sources;
    private final ExecutorService reader;
    private final ExecutorService checkers;
    private final BlockingQueue<Future<Chunk>> ahead = new ArrayBlockingQueue<>(AHEAD);
    private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();

    /**
     * Starts reading at once.
     *
     * @param threadName the beginning of the reading threads' names
     * @param sources    what to read, in the order folded
     */
    OnePassInput(String threadName, Map<String, Object> consumerConfig, TrustedSigners signers, List<Source> sources) {
        this.consumerConfig = consumerConfig;
        this.signers = signers;
        this.sources = sources;
        this.reader = Executors.newSingleThreadExecutor(named(threadName + "-reader"));
        this.checkers = Executors.newFixedThreadPool(2, named(threadName + "-check"));
        reader.submit(this::readAll);
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The next chunk in the order read, or null once every source has been read to its end. */
    Chunk next() throws InterruptedException {
        try {
            Chunk chunk = ahead.take().get();
            return chunk == END ? null : chunk;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cannot read the one-pass build's input", e.getCause());
        }
    }

    /** Where each partition read ended: complete once {@link #next()} has returned null. */
    Map<TopicPartition, Long> ends() {
        return Map.copyOf(ends);
    }

    private void readAll() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (Source source : sources) {
                read(consumer, source);
            }
            ahead.put(CompletableFuture.completedFuture(END));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the build stopped: nobody takes what is read any more
        } catch (RuntimeException | Error e) {
            try {
                ahead.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> consumer, Source source) throws InterruptedException {
        List<TopicPartition> partitions = consumer.partitionsFor(source.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        ends.putAll(end);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            List<ConsumerRecord<String, byte[]>> chunk = new ArrayList<>(CHUNK);
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    chunk.add(record);
                    if (chunk.size() == CHUNK) {
                        check(source.topic(), chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
            }
            if (!chunk.isEmpty()) {
                check(source.topic(), chunk);
            }
        }
    }

    private void check(String topic, List<ConsumerRecord<String, byte[]>> records) throws InterruptedException {
        ahead.put(checkers.submit(() -> new Chunk(topic, checked(topic, records))));
    }

    private List<Read> checked(String topic, List<ConsumerRecord<String, byte[]>> records) {
        List<Read> reads = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                reads.add(new Read(record, DeadLetters.read(record.headers(), record.value(), family(topic), topic,
                        signers), null));
            } catch (InvalidEventException unreadable) {
                reads.add(new Read(record, null, unreadable.getMessage()));
            }
        }
        return reads;
    }

    private static Class<?> family(String topic) {
        return switch (topic) {
            case Topics.MEMBERSHIP -> MemberEvent.class;
            case Topics.MEETING -> MeetingEvent.class;
            default -> OrganizationEvent.class;
        };
    }

    /** Stops reading, whether or not everything was read. */
    @Override
    public void close() {
        reader.shutdownNow();
        checkers.shutdownNow();
    }
}
