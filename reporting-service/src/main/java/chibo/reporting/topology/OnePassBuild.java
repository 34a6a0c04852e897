package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.InvalidEventException;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.organization.OrganizationEvent;
import chibo.reporting.figures.FiguresCodec;
import chibo.reporting.figures.FiguresFold;
import chibo.reporting.figures.OrgMonth;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds a new projection version's figures in one pass, then hands them to its topology to go on from: the input
 * topics are read once from the start to their ends as they are when the build starts, every event folded in memory
 * by the topology's own rules ({@link FiguresFold}), and what the topology's stores would hold — members' facts,
 * cells' meetings, units, organisations and their months — is written to those stores' changelogs, in one
 * transaction with the version's committed input offsets at those ends. Kafka Streams then starts as after any
 * restart: it restores its stores from the changelogs and reads on from the committed offsets; the MongoDB sinks
 * read the organisations' changelogs as ever. No hop through a topic, no transaction per commit interval, no
 * signature checked twice.
 *
 * <p>What the topology would dead-letter — a record unreadable, untrusted or of the wrong family, an event the rules
 * turn away — goes to the version's dead-letter topic with the same reason, in the same transaction. It declines,
 * and the topology builds the version itself (from its committed offsets, or from offset zero without any), whenever
 * it cannot stand in for the topology exactly: the version has committed offsets already (it was built, or is
 * being built elsewhere); an event still waiting for its predecessor, or deltas for an organisation never
 * registered (the topology keeps those in stores this build does not write); a parked event the rules turn away
 * once released (the topology stops at it).
 * Exactly-once holds either way: the changelogs and the offsets are committed together or not at all, and two
 * instances building at once fence each other by the transactional id.
 */
public final class OnePassBuild {

    private static final Logger log = LoggerFactory.getLogger(OnePassBuild.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /** The inputs, in the order folded: the tree first, then who is in it, then what their cells did. */
    private static final List<String> FOLDED = List.of(Topics.ORGANIZATION, Topics.MEMBERSHIP, Topics.MEETING);

    /**
     * What the build did: handed to the topology after folding {@code events} in {@code millis}, or declined for the
     * reason given (the topology then builds the version itself).
     */
    public record Outcome(boolean handedOver, long events, long millis, String declined) {
    }

    private final ReportingTopics topics;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final TrustedSigners signers;
    private final FiguresFold fold = new FiguresFold();
    /** The partition each subject's events were read from, by family: its task's, hence its store's partition. */
    private final Map<String, Map<String, Integer>> partitionOf = new HashMap<>();
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private long events;
    /** Reads and checks records beside the folding thread; named as background work (chibo.background.threads). */
    private final ExecutorService readers;
    /** What the topology would have dead-lettered, as it would have: sent with the hand-over. */
    private final List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();

    private OnePassBuild(ReportingTopics topics, Map<String, Object> consumerConfig, Map<String, Object> producerConfig,
                         TrustedSigners signers) {
        this.topics = topics;
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.signers = signers;
        String name = topics.applicationId() + "-one-pass-reader";
        this.readers = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Builds the version in one pass and hands it over, or declines; the version's topics must exist.
     *
     * @param consumerConfig the service's consumer settings (servers, credentials)
     * @param producerConfig the service's producer settings (servers, credentials)
     */
    public static Outcome run(ReportingTopics topics, Admin admin, Map<String, Object> consumerConfig,
                              Map<String, Object> producerConfig, TrustedSigners signers) {
        long started = System.nanoTime();
        OnePassBuild build = new OnePassBuild(topics, consumerConfig, producerConfig, signers);
        String declined;
        try (build.readers) {
            declined = build.hasCommittedOffsets(admin) ? "the version has committed offsets already" : build.fold();
            if (declined == null) {
                build.handOver();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            declined = "interrupted";
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (declined != null) {
            log.info("one-pass build of {} declined ({}); the topology builds it from its committed offsets, or from"
                    + " offset zero without any", topics.applicationId(), declined);
            return new Outcome(false, build.events, millis, declined);
        }
        log.info("one-pass build of {}: {} events folded and handed to the topology in {} ms",
                topics.applicationId(), build.events, millis);
        return new Outcome(true, build.events, millis, null);
    }

    private boolean hasCommittedOffsets(Admin admin) throws InterruptedException {
        try {
            return !admin.listConsumerGroupOffsets(topics.applicationId()).partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + topics.applicationId(), e);
        }
    }

    /** Folds every input to its end as of now; null when done, else why it declines. */
    private String fold() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : FOLDED) {
                for (String source : List.of(topic, ReportingTopics.redrive(topic))) {
                    String declined = foldTopic(consumer, topic, source);
                    if (declined != null) {
                        return declined;
                    }
                }
            }
        }
        if (fold.refusedOnRelease() > 0) {
            return fold.refusedOnRelease() + " parked events the rules turn away once released";
        }
        if (fold.waiting() > 0) {
            return fold.waiting() + " events or deltas still waiting";
        }
        return null;
    }

    /** Reads one source to its end as of now, folding each record as an event of {@code topic}'s family. */
    private String foldTopic(KafkaConsumer<String, byte[]> consumer, String topic, String source) {
        List<TopicPartition> partitions = consumer.partitionsFor(source).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        ends.putAll(end);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<String, Integer> partitionsOfSubjects = partitionOf.computeIfAbsent(topic, t -> new HashMap<>());
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            }
            for (Read read : readAll(topic, batch)) {
                if (read.event() == null) {
                    deadLetter(read.record(), topic, read.unreadable());
                    continue;
                }
                partitionsOfSubjects.putIfAbsent(read.event().subject(), read.record().partition());
                String refused = fold.apply(read.event());
                if (refused != null) {
                    deadLetter(read.record(), topic, refused);
                }
                events++;
            }
        }
        return null;
    }

    /** A record read and its signature checked: the event, or why the topology would dead-letter it. */
    private record Read(ConsumerRecord<String, byte[]> record, EventEnvelope event, String unreadable) {
    }

    /**
     * Reads and checks a poll's records, in order: half of them on a reader thread beside this one (reading JSON and
     * checking signatures is a fifth of the work, and needs no order), the fold itself on this thread alone.
     */
    private List<Read> readAll(String topic, List<ConsumerRecord<String, byte[]>> batch) {
        int half = batch.size() / 2;
        if (half < 64) {
            return read(topic, batch);
        }
        Future<List<Read>> second = readers.submit(() -> read(topic, batch.subList(half, batch.size())));
        List<Read> reads = new ArrayList<>(read(topic, batch.subList(0, half)));
        try {
            reads.addAll(second.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read " + topic, e.getCause());
        }
        return reads;
    }

    private List<Read> read(String topic, List<ConsumerRecord<String, byte[]>> records) {
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

    /** Writes the stores' contents and the input offsets in one transaction. */
    private void handOver() {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topics.applicationId() + "-one-pass");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                Map<String, Integer> members = partitionOf.get(Topics.MEMBERSHIP);
                fold.forEachMember((id, seq, facts) -> producer.send(new ProducerRecord<>(topics.memberFacts(),
                        members.get(id), id, JsonSerde.bytes(new MemberFoldProcessor.MemberRecord(seq, facts)))));
                Map<String, Integer> cells = partitionOf.get(Topics.MEETING);
                fold.forEachCell((id, seq, meetings) -> producer.send(new ProducerRecord<>(topics.cellMeetings(),
                        cells.get(id), id, JsonSerde.bytes(new MeetingFoldProcessor.CellRecord(seq, meetings.months(),
                        meetings.grades())))));
                int unitPartitions = producer.partitionsFor(topics.unitFacts()).size();
                fold.forEachUnit((id, coverage) -> producer.send(new ProducerRecord<>(topics.unitCoverage(),
                        keyPartition(id, unitPartitions), id, JsonSerde.bytes(coverage))));
                Map<String, Integer> organisations = partitionOf.get(Topics.ORGANIZATION);
                fold.forEachOrganisation(state -> producer.send(new ProducerRecord<>(topics.orgCounts(),
                        organisations.get(state.orgId()), state.orgId(), FiguresCodec.bytes(state.toAggregate()))));
                fold.forEachMonth((key, month) -> {
                    OrgMonth stored = month.toMonth();
                    producer.send(new ProducerRecord<>(topics.orgMonths(), organisations.get(stored.orgId()), key,
                            FiguresCodec.bytes(stored)));
                });
                deadLetters.forEach(producer::send);
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                ends.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
                producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(topics.applicationId()));
                producer.commitTransaction();
            } catch (RuntimeException | OutOfMemoryError e) {
                // aborted now, not when the transaction times out: the topology's restoration reads past it at once
                abortQuietly(producer);
                throw e;
            }
        }
    }

    private static void abortQuietly(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            log.warn("the one-pass build's transaction could not be aborted; it ends when it times out", e);
        }
    }

    /** A record the topology would dead-letter, unchanged, with the reason and its topic in its headers. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String topic, String reason) {
        deadLetters.add(new ProducerRecord<>(topics.deadLetter(topic), null, record.key(), record.value(),
                DeadLetters.headers(record.headers(), topic, reason)));
    }

    /** The partition the topology's sink gives a key: the producer's own, for a keyed record. */
    private static int keyPartition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
