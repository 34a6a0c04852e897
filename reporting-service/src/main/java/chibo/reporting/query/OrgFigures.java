package chibo.reporting.query;

import chibo.platform.security.OrgDirectory;
import chibo.reporting.aggregates.OrgMonth;
import chibo.reporting.aggregates.ProjectionNames;
import chibo.reporting.aggregates.Projections;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the materialised figures of the live projection version, by organisation id. */
@Component
public class OrgFigures implements OrgDirectory {

    private final MongoDatabase database;
    private final Projections projections;

    OrgFigures(MongoTemplate mongo, Projections projections) {
        this.database = mongo.getDb();
        this.projections = projections;
    }

    /** The organisation's figures in the live projection version (read once per call, so a switch never mixes). */
    public Optional<Counts> find(String orgId) {
        String version = projections.live();
        return document(version, orgId).map(document -> counts(document, version, true));
    }

    /**
     * The organisation's totals alone (stock now, flows ever), its months not read: {@code months()} is empty.
     * One {@code _id} lookup, where {@link #find} reads each of up to a hundred or more months too.
     */
    public Optional<Counts> findTotals(String orgId) {
        String version = projections.live();
        return document(version, orgId).map(document -> counts(document, version, false));
    }

    /** Walks parent pointers, one {@code _id} lookup of the parent field per level. */
    @Override
    public List<String> lineage(String orgId) {
        String version = projections.live();
        return OrgDirectory.walk(orgId, id -> Optional.ofNullable(database.getCollection(
                        ProjectionNames.countsCollection(version)).find(Filters.eq("_id", id))
                .projection(com.mongodb.client.model.Projections.include("parentId")).first())
                .map(d -> Objects.requireNonNullElse(d.getString("parentId"), "")));
    }

    private Optional<Document> document(String version, String orgId) {
        return Optional.ofNullable(database.getCollection(ProjectionNames.countsCollection(version))
                .find(Filters.eq("_id", orgId)).first());
    }

    /** The organisation's figures, with the months it lists (each read by its id) when {@code withMonths}. */
    private Counts counts(Document d, String version, boolean withMonths) {
        Map<String, Long> counters = new LinkedHashMap<>();
        d.get("counters", Document.class).forEach((name, value) -> counters.put(name, ((Number) value).longValue()));
        Map<String, Map<String, Long>> months = new TreeMap<>();
        String orgId = d.getString("_id");
        List<String> ids = d.getList("months", String.class, List.of()).stream()
                .map(month -> OrgMonth.key(orgId, month)).toList();
        if (withMonths && !ids.isEmpty()) {
            for (Document month : database.getCollection(ProjectionNames.monthsCollection(version))
                    .find(Filters.in("_id", ids))) {
                Map<String, Long> monthCounters = new LinkedHashMap<>();
                month.get("counters", Document.class)
                        .forEach((name, value) -> monthCounters.put(name, ((Number) value).longValue()));
                months.put(month.getString("month"), monthCounters);
            }
        }
        List<String> children = d.getList("children", String.class, List.of());
        Date last = d.getDate("lastRecordedAt");
        return new Counts(d.getString("_id"), d.getString("name"), d.getString("level"), d.getString("parentId"),
                d.getBoolean("active", true), d.getString("mergedInto"), counters, months, children,
                ((Number) d.get("version")).longValue(), last == null ? null : last.toInstant());
    }

    /**
     * An organisation's figures, its whole subtree included: totals (stock now, flows ever) and, per month of
     * effective date, the change of each stock counter and each flow's count.
     */
    public record Counts(String orgId, String name, String level, String parentId, boolean active,
                         String mergedInto, Map<String, Long> counters, Map<String, Map<String, Long>> months,
                         List<String> children, long version, Instant lastRecordedAt) {

        public long get(String counter) {
            return counters.getOrDefault(counter, 0L);
        }
    }
}
