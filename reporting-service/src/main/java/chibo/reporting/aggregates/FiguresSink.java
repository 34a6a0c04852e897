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
import org.bson.types.Binary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Materialises one projection version's figures to MongoDB from the changelogs of its topology's stores: an
 * organisation's totals ({@code org_counts_<v>}, keyed by organisation) and its months, all of an organisation's in
 * one {@link Timeline} ({@code org_timelines_<v>}, keyed by organisation), so that a query reads an organisation's
 * history with one lookup. Writes are absolute values guarded by versions (each month keeps its own in the
 * timeline): a replayed or repeated record can never lower or double a figure. Fed from read-committed consumers,
 * so it sees exactly what the exactly-once topology committed.
 */
final class FiguresSink {

    private final MongoCollection<Document> counts;
    private final MongoCollection<Document> timelines;
    private final AtomicReference<Instant> lastRecordedAt = new AtomicReference<>();

    FiguresSink(MongoDatabase database, String version) {
        this.counts = database.getCollection(ProjectionNames.countsCollection(version));
        this.timelines = database.getCollection(ProjectionNames.timelinesCollection(version));
    }

    void writeCounts(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, OrgAggregate> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            OrgAggregate aggregate = FiguresCodec.readAggregate(record.value());
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

    /**
     * Puts each month into its organisation's timeline unless the timeline holds that month at the same or a higher
     * version. All of an organisation's months are in one partition of the changelog (its task's), so one consumer
     * owns the organisation's timeline: a read and a replace by {@code _id}, as for the totals.
     */
    void writeMonths(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Map<String, OrgMonth>> byOrganisation = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            OrgMonth month = FiguresCodec.readMonth(record.value());
            byOrganisation.computeIfAbsent(month.orgId(), id -> new HashMap<>())
                    .merge(month.month(), month, (a, b) -> b.version() > a.version() ? b : a);
        }
        if (byOrganisation.isEmpty()) {
            return;
        }
        Map<String, Map<String, Timeline.Month>> stored = new HashMap<>();
        for (Document timeline : timelines.find(Filters.in("_id", byOrganisation.keySet()))
                .projection(Projections.include("months"))) {
            stored.put(timeline.getString("_id"), Timeline.decode(timeline.get("months", Binary.class).getData()));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        byOrganisation.forEach((orgId, changed) -> {
            Map<String, Timeline.Month> months = stored.getOrDefault(orgId, new TreeMap<>());
            boolean newer = false;
            for (OrgMonth month : changed.values()) {
                Timeline.Month current = months.get(month.month());
                if (current == null || current.version() < month.version()) {
                    months.put(month.month(), new Timeline.Month(month.version(), month.counters()));
                    newer = true;
                }
            }
            if (newer) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", orgId), new Document("_id", orgId)
                        .append("months", new Binary(Timeline.encode(months)))
                        .append("headline", new Binary(Timeline.encode(Timeline.headline(months)))),
                        new ReplaceOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            timelines.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
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
