package chibo.reporting.topology;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.reporting.figures.FiguresCodec;
import chibo.reporting.figures.FiguresFold;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds a new projection version's figures in one pass, then hands them to its topology to go on from: the input
 * topics are read once from the start to their ends as they are when each is first read (ahead of the fold, on
 * background threads: {@link OnePassInput}), every event folded in memory
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
    /** What the topology would have dead-lettered, as it would have: sent with the hand-over. */
    private final List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();

    private OnePassBuild(ReportingTopics topics, Map<String, Object> consumerConfig, Map<String, Object> producerConfig,
                         TrustedSigners signers) {
        this.topics = topics;
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.signers = signers;
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
        try {
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
    private String fold() throws InterruptedException {
        List<OnePassInput.Source> sources = new ArrayList<>();
        for (String topic : FOLDED) {
            sources.add(new OnePassInput.Source(topic, topic));
            sources.add(new OnePassInput.Source(topic, ReportingTopics.redrive(topic)));
        }
        try (OnePassInput input = new OnePassInput(topics.applicationId() + "-one-pass", consumerConfig, signers,
                sources)) {
            for (OnePassInput.Chunk chunk = input.next(); chunk != null; chunk = input.next()) {
                fold(chunk);
            }
            ends.putAll(input.ends());
        }
        if (fold.refusedOnRelease() > 0) {
            return fold.refusedOnRelease() + " parked events the rules turn away once released";
        }
        if (fold.waiting() > 0) {
            return fold.waiting() + " events or deltas still waiting";
        }
        return null;
    }

    /** Folds a chunk of records read and checked, each as an event of its topic's family. */
    private void fold(OnePassInput.Chunk chunk) {
        Map<String, Integer> partitionsOfSubjects = partitionOf.computeIfAbsent(chunk.topic(), t -> new HashMap<>());
        for (OnePassInput.Read read : chunk.reads()) {
            if (read.event() == null) {
                deadLetter(read.record(), chunk.topic(), read.unreadable());
                continue;
            }
            partitionsOfSubjects.putIfAbsent(read.event().subject(), read.record().partition());
            String refused = fold.apply(read.event());
            if (refused != null) {
                deadLetter(read.record(), chunk.topic(), refused);
            }
            events++;
        }
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
                        organisations.get(state.orgId()), state.orgId(), FiguresCodec.bytes(state.toFigures()))));
                fold.forEachMonth((key, month) -> producer.send(new ProducerRecord<>(topics.orgMonths(),
                        organisations.get(month.orgId()), key, FiguresCodec.bytes(month))));
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
