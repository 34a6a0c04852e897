package chibo.reporting.aggregates;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Materialises one projection version's figures to MongoDB: every new version of an organisation's totals
 * ({@code org_counts_<v>}, keyed by organisation) and of its months ({@code org_months_<v>}, keyed
 * {@code orgId|2025-07}). Writes are absolute values guarded by the version: a replayed or repeated record can never
 * lower or double a figure. Fed from read-committed consumers, so it sees exactly what the exactly-once topology
 * committed.
 */
final class FiguresSink {

    private final MongoCollection<Document> counts;
    private final MongoCollection<Document> months;
    private final AtomicReference<Instant> lastRecordedAt = new AtomicReference<>();

    FiguresSink(MongoDatabase database, String version) {
        this.counts = database.getCollection(ProjectionNames.countsCollection(version));
        this.months = database.getCollection(ProjectionNames.monthsCollection(version));
    }

    void writeCounts(List<ConsumerRecord<String, byte[]>> records) {
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

    void writeMonths(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, OrgMonth> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            OrgMonth month = JsonSerde.read(record.value(), OrgMonth.class);
            latest.merge(record.key(), month, (a, b) -> b.version() > a.version() ? b : a);
        }
        writeNewer(months, latest.values().stream().map(OrgCountsDocuments::toDocument).toList());
    }

    /** Recorded time of the latest event reflected in what this sink wrote, or null before it wrote anything. */
    Instant lastRecordedAt() {
        return lastRecordedAt.get();
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

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
