package chibo.reporting.aggregates;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Materialises one projection version's figures to MongoDB from the changelogs of its topology's stores: an
 * organisation's totals ({@code org_counts_<v>}, keyed by organisation) and its months ({@code org_months_<v>}, keyed
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
            if (record.value() == null) {
                continue;
            }
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
            if (record.value() == null) {
                continue;
            }
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
     * Writes each document unless the stored one has the same or a higher version. The stored versions are read by
     * {@code _id} (the only lookup the embedded server indexes; a filter on {@code _id} and {@code version} would
     * scan the collection), and each newer document is replaced by {@code _id}. One consumer owns a partition, hence
     * every key in it, so nobody writes the same document in between; after a rebalance the new owner resumes from
     * the committed offset and re-writes versions in order, ending with the newest.
     */
    private static void writeNewer(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        Map<Object, Long> stored = new HashMap<>();
        for (Document existing : collection.find(Filters.in("_id", documents.stream().map(d -> d.get("_id"))
                .toList())).projection(Projections.include("version"))) {
            stored.put(existing.get("_id"), ((Number) existing.get("version")).longValue());
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document document : documents) {
            Long current = stored.get(document.get("_id"));
            if (current == null || current < ((Number) document.get("version")).longValue()) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                        new ReplaceOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
