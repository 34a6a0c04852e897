package chibo.reporting.versions;

import chibo.reporting.figures.FiguresCodec;
import chibo.reporting.figures.OrgFigures;
import chibo.reporting.figures.OrgMonth;
import chibo.reporting.figures.Timeline;
import chibo.reporting.figures.TimelineBuilder;
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
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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

    private static final String REVISION = ProjectionNames.TIMELINE_REVISION;
    /**
     * Bytes of timelines kept between writes, per sink (the live version's and a version being rebuilt each have
     * one): the hot ones, the upper levels of the tree, within the service's heap.
     */
    private static final long KEEP_TIMELINE_BYTES = 32L * 1024 * 1024;

    private final MongoCollection<Document> counts;
    private final MongoCollection<Document> timelines;
    private final AtomicReference<Instant> lastRecordedAt = new AtomicReference<>();
    /** The timelines written last, by organisation: only the months sink's consumer thread touches them. */
    private final KeptTimelines keptTimelines = new KeptTimelines(KEEP_TIMELINE_BYTES);
    private final String version;
    private final CountsWritten written;

    FiguresSink(MongoDatabase database, String version, CountsWritten written) {
        this.version = version;
        this.written = written;
        this.counts = database.getCollection(ProjectionNames.countsCollection(version));
        this.timelines = database.getCollection(ProjectionNames.timelinesCollection(version));
    }

    void writeCounts(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, OrgFigures> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            OrgFigures aggregate = FiguresCodec.readFigures(record.value());
            latest.merge(aggregate.orgId(), aggregate, (a, b) -> b.version() > a.version() ? b : a);
        }
        for (OrgFigures aggregate : latest.values()) {
            if (aggregate.lastRecordedAt() != null) {
                lastRecordedAt.accumulateAndGet(aggregate.lastRecordedAt(),
                        (a, b) -> a == null || b.isAfter(a) ? b : a);
            }
        }
        writeNewer(counts, latest.values().stream().map(OrgFiguresDocuments::toDocument).toList());
        written.written(version, latest.values());
    }

    /**
     * Puts each month into its organisation's timeline unless the timeline holds that month at the same or a higher
     * version. All of an organisation's months are in one partition of the changelog (its task's), so one consumer
     * owns the organisation's timeline: a read and a replace by {@code _id}, as for the totals. The timelines this
     * sink wrote last are kept, each month already encoded, and taken as they are while the stored document's
     * revision is the one this sink wrote (another instance that owned the partition meanwhile would have raised it).
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
        Map<String, TimelineBuilder> builders = timelineBuilders(byOrganisation.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        byOrganisation.forEach((orgId, changed) -> {
            TimelineBuilder builder = builders.get(orgId);
            boolean newer = false;
            for (OrgMonth month : changed.values()) {
                newer |= builder.put(month.month(), month.version(), month.counters());
            }
            if (newer) {
                builder.written();
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", orgId), new Document("_id", orgId)
                        .append(REVISION, builder.revision())
                        .append("months", new Binary(builder.full()))
                        .append("headline", new Binary(builder.headline())), new ReplaceOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            timelines.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        keptTimelines.keep(builders);
    }

    /** Each organisation's timeline: kept, if still the stored revision, else read back (or new). */
    private Map<String, TimelineBuilder> timelineBuilders(Collection<String> orgIds) {
        Map<String, Long> revisions = new HashMap<>();
        for (Document stored : timelines.find(Filters.in("_id", orgIds)).projection(Projections.include(REVISION))) {
            revisions.put(stored.getString("_id"), revision(stored));
        }
        Map<String, TimelineBuilder> builders = new HashMap<>();
        List<String> reread = new ArrayList<>();
        for (String orgId : orgIds) {
            TimelineBuilder kept = keptTimelines.get(orgId);
            Long stored = revisions.get(orgId);
            if (kept != null && stored != null && kept.revision() == stored) {
                builders.put(orgId, kept);
            } else if (stored == null) {
                builders.put(orgId, TimelineBuilder.of(Map.of(), firstRevision()));
            } else {
                reread.add(orgId);
            }
        }
        if (!reread.isEmpty()) {
            for (Document stored : timelines.find(Filters.in("_id", reread))) {
                builders.put(stored.getString("_id"), TimelineBuilder.of(Timeline.decode(
                        stored.get("months", Binary.class).getData()), revision(stored)));
            }
        }
        return builders;
    }

    /** Where a new timeline's revisions start: random, see {@link ProjectionNames#TIMELINE_REVISION}. */
    private static long firstRevision() {
        return ThreadLocalRandom.current().nextLong(1L << 40) << 16;
    }

    private static long revision(Document stored) {
        Object revision = stored.get(REVISION);
        return revision == null ? 0 : ((Number) revision).longValue();
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
