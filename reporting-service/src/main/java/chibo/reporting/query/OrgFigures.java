package chibo.reporting.query;

import chibo.platform.security.OrgDirectory;
import chibo.reporting.aggregates.ReportingProperties;
import com.mongodb.client.MongoCollection;
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

/** Reads the materialised figures of the live projection version, by organisation id. */
@Component
public class OrgFigures implements OrgDirectory {

    private final MongoCollection<Document> counts;

    OrgFigures(MongoTemplate mongo, ReportingProperties properties) {
        this.counts = mongo.getCollection(properties.countsCollection());
    }

    public Optional<Counts> find(String orgId) {
        return Optional.ofNullable(counts.find(Filters.eq("_id", orgId)).first()).map(OrgFigures::counts);
    }

    @Override
    public List<String> lineage(String orgId) {
        return OrgDirectory.walk(orgId, id -> find(id).map(c -> Objects.requireNonNullElse(c.parentId(), "")));
    }

    private static Counts counts(Document d) {
        Map<String, Long> counters = new LinkedHashMap<>();
        d.get("counters", Document.class).forEach((name, value) -> counters.put(name, ((Number) value).longValue()));
        Date last = d.getDate("lastRecordedAt");
        return new Counts(d.getString("_id"), d.getString("name"), d.getString("level"), d.getString("parentId"),
                d.getBoolean("active", true), d.getString("mergedInto"), counters,
                ((Number) d.get("version")).longValue(), last == null ? null : last.toInstant());
    }

    /** An organisation's figures, its whole subtree included. */
    public record Counts(String orgId, String name, String level, String parentId, boolean active,
                         String mergedInto, Map<String, Long> counters, long version, Instant lastRecordedAt) {

        public long get(String counter) {
            return counters.getOrDefault(counter, 0L);
        }
    }
}
