package chibo.reporting.versions;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The figures a projection version has stored: its totals, read to compare two versions, and dropped with it. */
final class VersionFigures {

    private final MongoDatabase database;

    VersionFigures(MongoDatabase database) {
        this.database = database;
    }

    /** Every organisation's totals in the version, by organisation. */
    Map<String, Map<String, Long>> totals(String version) {
        Map<String, Map<String, Long>> totals = new HashMap<>();
        for (Document org : database.getCollection(ProjectionNames.countsCollection(version)).find()) {
            Map<String, Long> counters = new HashMap<>();
            org.get("counters", Document.class).forEach((name, value) -> counters.put(name,
                    ((Number) value).longValue()));
            totals.put(org.getString("_id"), counters);
        }
        return totals;
    }

    /** Each counter of an organisation that differs between two versions' totals (absent counts as zero). */
    static List<Projections.Difference> differences(Map<String, Map<String, Long>> liveFigures,
                                                    Map<String, Map<String, Long>> other) {
        List<Projections.Difference> differences = new ArrayList<>();
        Set<String> orgs = new TreeSet<>(liveFigures.keySet());
        orgs.addAll(other.keySet());
        for (String org : orgs) {
            Map<String, Long> a = liveFigures.getOrDefault(org, Map.of());
            Map<String, Long> b = other.getOrDefault(org, Map.of());
            Set<String> counters = new TreeSet<>(a.keySet());
            counters.addAll(b.keySet());
            for (String counter : counters) {
                if (!Objects.equals(a.getOrDefault(counter, 0L), b.getOrDefault(counter, 0L))) {
                    differences.add(new Projections.Difference(org, counter, a.getOrDefault(counter, 0L),
                            b.getOrDefault(counter, 0L)));
                }
            }
        }
        return differences;
    }

    /** Drops the version's collections. */
    void drop(String version) {
        database.getCollection(ProjectionNames.countsCollection(version)).drop();
        database.getCollection(ProjectionNames.monthsCollection(version)).drop();
        database.getCollection(ProjectionNames.timelinesCollection(version)).drop();
        database.getCollection(ProjectionNames.unitsCollection(version)).drop();
    }
}
