package chibo.reporting.aggregates;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Materialises every new version of an organisation's figures to MongoDB, keyed by organisation. Writes are
 * absolute values guarded by the version: a replayed or repeated record can never lower or double a figure.
 * Reads only committed records, so it sees exactly what the exactly-once topology committed.
 */
@Component
public class OrgCountsSink {

    private final MongoCollection<Document> counts;
    private final MongoCollection<Document> months;
    private final AtomicReference<Instant> lastRecordedAt = new AtomicReference<>();

    OrgCountsSink(MongoTemplate mongo, ReportingProperties properties, MeterRegistry meters, Clock clock) {
        this.counts = mongo.getCollection(properties.countsCollection());
        this.months = mongo.getCollection(properties.monthsCollection());
        Gauge.builder("chibo.projection.freshness", this, sink -> sink.freshnessSeconds(clock))
                .description("seconds between now and the recorded time of the latest event in the figures")
                .baseUnit("seconds").tag("projection", "reporting").register(meters);
    }

    @KafkaListener(id = "org-counts-sink", topics = "#{@reportingTopicNames.orgCounts()}",
            groupId = "#{@reportingTopicNames.applicationId()}-mongo-sink", batch = "true")
    void write(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, OrgAggregate> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            OrgAggregate aggregate = JsonSerde.read(record.value(), OrgAggregate.class);
            latest.merge(aggregate.orgId(), aggregate, (a, b) -> b.version() > a.version() ? b : a);
        }
        for (OrgAggregate aggregate : latest.values()) {
            if (aggregate.lastRecordedAt() != null) {
                lastRecordedAt.accumulateAndGet(aggregate.lastRecordedAt(),
                        (a, b) -> a == null || b.isAfter(a) ? b : a);
            }
        }
        writeNewer(counts, latest.values().stream().map(OrgCountsDocuments::toDocument).toList());
    }

    @KafkaListener(id = "org-months-sink", topics = "#{@reportingTopicNames.orgMonths()}",
            groupId = "#{@reportingTopicNames.applicationId()}-mongo-months-sink", batch = "true")
    void writeMonths(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, OrgMonth> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            OrgMonth month = JsonSerde.read(record.value(), OrgMonth.class);
            latest.merge(record.key(), month, (a, b) -> b.version() > a.version() ? b : a);
        }
        writeNewer(months, latest.values().stream().map(OrgCountsDocuments::toDocument).toList());
    }

    /**
     * Writes each document unless the stored one has the same or a higher version: an upsert filtered on a lower
     * version, whose insert collides with the newer document (duplicate key) when there is one.
     */
    private static void writeNewer(MongoCollection<Document> collection, List<Document> documents) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document document : documents) {
            writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", document.get("_id")),
                    Filters.lt("version", document.get("version"))), document, new ReplaceOptions().upsert(true)));
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyStale = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyStale) {
                throw e;
            }
            // a newer version is already stored for those: nothing to do
        }
    }

    private double freshnessSeconds(Clock clock) {
        Instant last = lastRecordedAt.get();
        return last == null ? 0 : Math.max(0, clock.millis() - last.toEpochMilli()) / 1000.0;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
