package chibo.reporting.query;

import chibo.platform.security.OrgDirectory;
import chibo.reporting.figures.OrgFigures;
import chibo.reporting.figures.Placements;
import chibo.reporting.figures.Timeline;
import chibo.reporting.versions.ProjectionNames;
import chibo.reporting.versions.Projections;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static com.mongodb.client.model.Projections.exclude;
import static com.mongodb.client.model.Projections.include;

/** Reads the materialised figures of the live projection version, by organisation id. */
@Component
public class OrgFiguresReader implements OrgDirectory {

    private static final String MONTHS = "months";
    private static final Duration PARENT_FRESH = Duration.ofSeconds(5);
    private static final int PARENTS_KEPT = 100_000;
    private static final String HEADLINE = "headline";
    private static final String REVISION = ProjectionNames.TIMELINE_REVISION;
    /** Bytes of decoded timelines kept between queries (the organisations read most, within the service's heap). */
    private static final long KEEP_DECODED_BYTES = 24L * 1024 * 1024;

    private final MongoDatabase database;
    private final Projections projections;
    private final Map<String, Parent> parents = new ConcurrentHashMap<>();
    private final KeptTimelineReads keptTimelines = new KeptTimelineReads(KEEP_DECODED_BYTES);

    OrgFiguresReader(MongoTemplate mongo, Projections projections) {
        this.database = mongo.getDb();
        this.projections = projections;
    }

    /** The organisation's figures in the live projection version (read once per call, so a switch never mixes). */
    public Optional<OrgFiguresView> find(String orgId) {
        String version = projections.live();
        return document(version, orgId).map(document -> counts(document, timelines(version, List.of(orgId),
                MONTHS).get(orgId)));
    }

    /**
     * The organisation's totals alone (stock now, flows ever), its months not read: {@code months()} is empty.
     * One {@code _id} lookup, where {@link #find} reads its timeline too.
     */
    public Optional<OrgFiguresView> findTotals(String orgId) {
        String version = projections.live();
        return document(version, orgId).map(document -> counts(document, null));
    }

    /**
     * Organisations side by side, in the order asked (unknown ones left out): their totals and their months with
     * only the headline counters ({@link Timeline#inHeadline}: members by status, women, ethnicity, flows) — two
     * {@code _id $in} queries however many there are, and a third for the timelines not kept decoded at their stored
     * revision. Their {@code children()} are not read.
     */
    public List<OrgFiguresView> findHeadlines(List<String> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        String version = projections.live();
        Map<String, Document> documents = new HashMap<>();
        for (Document document : counts(version).find(Filters.in("_id", orgIds))
                .projection(exclude("months", "children"))) {
            documents.put(document.getString("_id"), document);
        }
        Map<String, Map<String, Map<String, Long>>> headlines = timelines(version, orgIds, HEADLINE);
        List<OrgFiguresView> found = new ArrayList<>(documents.size());
        for (String orgId : orgIds) {
            Document document = documents.get(orgId);
            if (document != null) {
                found.add(counts(document, headlines.get(orgId)));
            }
        }
        return found;
    }

    /**
     * Walks parent pointers, one {@code _id} lookup of the parent field per level; a parent read is reused for a
     * few seconds, as every query checks the caller's subtree and organisations move rarely.
     */
    @Override
    public List<String> lineage(String orgId) {
        String version = projections.live();
        return OrgDirectory.walk(orgId, id -> parent(version, id));
    }

    private Optional<String> parent(String version, String orgId) {
        String key = version + "|" + orgId;
        long now = System.nanoTime();
        Parent known = parents.get(key);
        if (known != null && now - known.readAtNanos() < PARENT_FRESH.toNanos()) {
            return Optional.of(known.parentId());
        }
        Optional<String> parent = Optional.ofNullable(counts(version).find(Filters.eq("_id", orgId))
                .projection(include("parentId")).first())
                .map(d -> Objects.requireNonNullElse(d.getString("parentId"), ""));
        if (parent.isPresent()) {
            // an organisation not seen yet may be counted any moment: only what was found is kept
            if (parents.size() >= PARENTS_KEPT) {
                parents.clear();
            }
            parents.put(key, new Parent(parent.get(), now));
        }
        return parent;
    }

    /** An organisation's parent as read ({@code ""} at the root), and when. */
    private record Parent(String parentId, long readAtNanos) {
    }

    private MongoCollection<Document> counts(String version) {
        return database.getCollection(ProjectionNames.countsCollection(version));
    }

    private Optional<Document> document(String version, String orgId) {
        return Optional.ofNullable(counts(version).find(Filters.eq("_id", orgId)).first());
    }

    /**
     * One field of the organisations' timelines ({@code months} or {@code headline}), decoded, by organisation: their
     * revisions first, then only the timelines not kept decoded at the stored revision.
     */
    private Map<String, Map<String, Map<String, Long>>> timelines(String version, List<String> orgIds, String field) {
        MongoCollection<Document> timelines = database.getCollection(ProjectionNames.timelinesCollection(version));
        Map<String, Map<String, Map<String, Long>>> found = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (Document stored : timelines.find(byIds(orgIds)).projection(include(REVISION))) {
            String orgId = stored.getString("_id");
            Number revision = stored.get(REVISION, Number.class);
            Map<String, Map<String, Long>> months = revision == null ? null
                    : keptTimelines.get(keptKey(version, field, orgId), revision.longValue());
            if (months != null) {
                found.put(orgId, months);
            } else {
                toRead.add(orgId);
            }
        }
        if (toRead.isEmpty()) {
            return found;
        }
        for (Document stored : timelines.find(byIds(toRead)).projection(include(field, REVISION))) {
            Binary bytes = stored.get(field, Binary.class);
            if (bytes == null) {
                continue;
            }
            String orgId = stored.getString("_id");
            Map<String, Map<String, Long>> months = Timeline.counters(bytes.getData());
            Number revision = stored.get(REVISION, Number.class);
            found.put(orgId, revision == null ? months : keptTimelines.keep(keptKey(version, field, orgId),
                    revision.longValue(), months, bytes.length()));
        }
        return found;
    }

    private static Bson byIds(List<String> orgIds) {
        return orgIds.size() == 1 ? Filters.eq("_id", orgIds.getFirst()) : Filters.in("_id", orgIds);
    }

    private static String keptKey(String version, String field, String orgId) {
        return version + '|' + field + '|' + orgId;
    }

    /** The organisation's figures from its stored totals and (when read) its timeline. */
    private static OrgFiguresView counts(Document d, Map<String, Map<String, Long>> timeline) {
        Map<String, Long> counters = new LinkedHashMap<>();
        d.get("counters", Document.class).forEach((name, value) -> counters.put(name, ((Number) value).longValue()));
        Map<String, Map<String, Long>> months = timeline == null ? Map.of() : timeline;
        List<String> children = d.getList("children", String.class, List.of());
        Date last = d.getDate("lastRecordedAt");
        return new OrgFiguresView(d.getString("_id"), d.getString("name"), d.getString("level"),
                d.getString("parentId"), d.getBoolean("active", true), d.getString("mergedInto"), counters, months,
                children, placements(d), ((Number) d.get("version")).longValue(), last == null ? null : last.toInstant());
    }

    /**
     * Where the organisation stood month by month; a document written before placements were kept: always under
     * its parent.
     */
    private static Placements placements(Document d) {
        List<OrgFigures.Placement> placements = new ArrayList<>();
        for (Document placement : d.getList("placements", Document.class, List.of())) {
            placements.add(new OrgFigures.Placement(placement.getString("from"), placement.getString("parentId")));
        }
        if (placements.isEmpty()) {
            placements.add(new OrgFigures.Placement(OrgFigures.ALWAYS, d.getString("parentId")));
        }
        return new Placements(d.getString("registeredMonth"), d.getString("endedMonth"), placements);
    }
}
