package chibo.reporting.deadletters;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.platform.security.Caller;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import chibo.platform.web.Problems;
import chibo.reporting.topology.ReportingTopics;
import chibo.reporting.versions.Projections;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the live projection dead-lettered, and the re-drive of a corrected record: the correction goes to
 * {@code chibo.reporting.redrive.<topic>}, which the topology folds like the input topic itself (same key, same
 * partition, same per-subject seq rules), so it is applied exactly once however often it is re-driven, and every
 * later rebuild applies it too.
 */
@Component
public class DeadLetterOffice implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOffice.class);
    static final String REASON_HEADER = "x-exception-message";
    static final int MAX_LISTED = 500;

    private final KafkaProperties kafka;
    private final Projections projections;
    private final MongoCollection<Document> redrives;
    private final Clock clock;
    private final TrustedSigners signers;
    private final KafkaProducer<String, byte[]> producer;

    DeadLetterOffice(KafkaProperties kafka, Projections projections, MongoTemplate mongo, Clock clock,
                     TrustedSigners signers) {
        this.signers = signers;
        this.kafka = kafka;
        this.projections = projections;
        this.redrives = mongo.getCollection("dead_letter_redrives");
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The dead-letter topic of an input topic for the live version, or 404 naming the topic. */
    String deadLetterTopic(String inputTopic) {
        if (!Topics.ALL.contains(inputTopic)) {
            throw Problems.notFound("input topic", inputTopic);
        }
        return new ReportingTopics(projections.live()).deadLetter(inputTopic);
    }

    /** The dead letters of an input topic, oldest first, at most {@code limit}. */
    public List<DeadLetter> list(String inputTopic, int limit) {
        String topic = deadLetterTopic(inputTopic);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (letters.size() < limit && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (letters.size() < limit) {
                        letters.add(letter(inputTopic, record));
                    }
                }
            }
        }
        letters.sort(java.util.Comparator.comparing(DeadLetter::partition).thenComparing(DeadLetter::offset));
        return letters;
    }

    private DeadLetter letter(String inputTopic, ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.TreeMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(),
                    StandardCharsets.UTF_8));
        }
        String body = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        Document redriven = redrives.find(Filters.eq("_id", id(inputTopic, record.partition(), record.offset())))
                .first();
        return new DeadLetter(inputTopic, record.partition(), record.offset(), record.key(),
                headers.get(REASON_HEADER), headers, body, redriven == null ? 0 : redriven.getInteger("times", 0),
                redriven == null ? List.of() : redriven.getList("redrives", Document.class, List.of()).stream()
                        .map(Redrive::of).toList());
    }

    /**
     * Re-drives a dead letter, corrected: its key and headers, with the correction's headers overriding any of
     * them and its payload (JSON) replacing the body. The corrected record must read as an event of the topic and
     * be about the same subject, of the same type, at the same seq ({@link Correction}), and still carry the
     * signature of the service that owns the topic: reporting owns none of the event topics, so it cannot sign for
     * them, and a correction may only restore what was signed. Each re-drive is recorded
     * with who asked, when, what was corrected and the digests of the record before and after.
     *
     * @throws ProblemException 400 for a malformed correction or a negative position, 404 for a dead letter that
     *                          does not exist, 422 naming the field when the correction still does not read or would
     *                          change what the event is about or when its signature does not hold, 503 when
     *                          Kafka does not take the record
     */
    public Redriven redrive(String inputTopic, int partition, long offset, Correction correction, Caller caller) {
        String topic = deadLetterTopic(inputTopic);
        if (partition < 0) {
            throw Problems.invalid("partition", "range", "a partition is 0 or more");
        }
        if (offset < 0) {
            throw Problems.invalid("offset", "range", "an offset is 0 or more");
        }
        correction.requireWellFormed();
        ConsumerRecord<String, byte[]> letter = fetch(topic, partition, offset);
        Correction.Corrected corrected = correction.applyTo(letter.key(), letter.headers(), letter.value());
        Correction.requireSigned(inputTopic, signers.check(inputTopic, corrected.headers(), corrected.event()));
        String target = ReportingTopics.redrive(inputTopic);
        RecordMetadata sent = send(new ProducerRecord<>(target, null, corrected.key(), corrected.value(),
                corrected.headers()));
        Redrive record = new Redrive(caller.subject(), clock.instant(),
                RecordDigest.of(letter.key(), letter.headers(), letter.value()),
                RecordDigest.of(corrected.key(), corrected.headers(), corrected.value()),
                correction.correctedHeaders(), correction.replacesPayload(), sent.partition(), sent.offset());
        redrives.updateOne(Filters.eq("_id", id(inputTopic, partition, offset)), Updates.combine(
                Updates.inc("times", 1), Updates.set("lastAt", Date.from(record.at())),
                Updates.push("redrives", record.toDocument())), new UpdateOptions().upsert(true));
        log.info("dead letter {}/{}/{} ({} seq {} of {}) re-driven by {}: record {} sent as {}, corrected {}{}",
                inputTopic, partition, offset, corrected.event().wireType(), corrected.event().envelope().seq(),
                corrected.key(), record.by(), record.before(), record.after(), record.headers(),
                record.payload() ? " and the payload" : "");
        return new Redriven(inputTopic, partition, offset, target, sent.partition(), sent.offset());
    }

    private ConsumerRecord<String, byte[]> fetch(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition where = new TopicPartition(topic, partition);
            if (partitions(consumer, topic).stream().noneMatch(where::equals)) {
                throw Problems.notFound("dead letter", topic + "/" + partition + "/" + offset);
            }
            consumer.assign(List.of(where));
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline && consumer.position(where) <= offset) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw Problems.notFound("dead letter", topic + "/" + partition + "/" + offset);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    // a plain consumer, not a binding: browsing and re-driving read chosen dead letters on demand, in no group
    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                    "Kafka unavailable", "Kafka did not confirm the re-drive (" + e.getMessage() + "), so it is not"
                    + " on record; re-drive it again: a record applied twice counts once");
        }
    }

    private static String id(String inputTopic, int partition, long offset) {
        return inputTopic + "/" + partition + "/" + offset;
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A dead letter: where it lies, why, how often it was re-driven and each re-drive. */
    public record DeadLetter(String topic, int partition, long offset, String key, String reason,
                             Map<String, String> headers, String body, int redriven, List<Redrive> redrives) {
    }

    /**
     * One re-drive, for the auditor: who asked and when, the digests ({@link RecordDigest}) of the dead letter and
     * of the record sent, which headers were corrected, whether the payload was replaced, and where it was sent.
     */
    public record Redrive(String by, Instant at, String before, String after, List<String> headers,
                          boolean payload, int sentPartition, long sentOffset) {

        Document toDocument() {
            return new Document("by", by).append("at", Date.from(at)).append("before", before)
                    .append("after", after).append("headers", headers).append("payload", payload)
                    .append("partition", sentPartition).append("offset", sentOffset);
        }

        static Redrive of(Document document) {
            return new Redrive(document.getString("by"), document.getDate("at").toInstant(),
                    document.getString("before"), document.getString("after"),
                    document.getList("headers", String.class, List.of()), document.getBoolean("payload", false),
                    document.getInteger("partition", -1), ((Number) document.get("offset")).longValue());
        }
    }

    public record Redriven(String topic, int partition, long offset, String redriveTopic, int redrivePartition,
                           long redriveOffset) {
    }
}
