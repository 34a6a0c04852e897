package chibo.reporting.query;

import chibo.contracts.organization.UnitKind;
import chibo.reporting.versions.ProjectionNames;
import chibo.reporting.versions.Projections;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Projections.include;

/**
 * The units (villages, schools, health stations…) registered in an organisation's subtree that no cell covers or
 * where no active party member resides, by name: the list behind the summary's {@code units.<kind>.without_cell} and
 * {@code units.<kind>.without_member} counts, read from the live projection version.
 *
 * <p>The subtree is walked down its stored figures level by level ({@link SubtreeNow}: {@code _id $in} per level,
 * the organisations standing there now, a merged one in its successor's), then the units of its organisations are
 * read by {@code _id} (the organisation that registered them).
 */
@Component
class UncoveredUnits {

    private final MongoDatabase database;
    private final Projections projections;

    UncoveredUnits(MongoTemplate mongo, Projections projections) {
        this.database = mongo.getDb();
        this.projections = projections;
    }

    /** The subtree's units lacking a cell or a resident member; empty when reporting has not seen the organisation. */
    Optional<List<Unit>> of(String orgId) {
        String version = projections.live();
        Optional<Map<String, String>> subtree = subtree(version, orgId);
        if (subtree.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = subtree.get();
        if (names.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Unit> found = new ArrayList<>();
        for (Document owner : database.getCollection(ProjectionNames.unitsCollection(version))
                .find(Filters.in("_id", List.copyOf(names.keySet())))) {
            String ownerId = owner.getString("_id");
            Document units = owner.get("units", Document.class);
            if (units == null) {
                continue;
            }
            for (Object value : units.values()) {
                Document unit = (Document) value;
                boolean withoutCell = unit.getString("cellId") == null;
                boolean withoutMember = ((Number) unit.get("residents", 0L)).longValue() <= 0;
                if (withoutCell || withoutMember) {
                    found.add(new Unit(unit.getString("unitId"), unit.getString("name"), unit.getString("kind"),
                            ownerId, names.get(ownerId), withoutCell, withoutMember));
                }
            }
        }
        found.sort(Comparator.comparingInt(UncoveredUnits::kindOrder)
                .thenComparing(unit -> unit.name() == null ? unit.unitId() : unit.name())
                .thenComparing(Unit::unitId));
        return Optional.of(found);
    }

    /** Kinds in the order chibo lists them (villages first); a kind not known last. */
    private static int kindOrder(Unit unit) {
        for (UnitKind kind : UnitKind.values()) {
            if (kind.name().equals(unit.kind())) {
                return kind.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The organisation and those standing in its subtree now ({@link SubtreeNow}), read from the stored figures. */
    private Optional<Map<String, String>> subtree(String version, String orgId) {
        MongoCollection<Document> counts = database.getCollection(ProjectionNames.countsCollection(version));
        return SubtreeNow.of(orgId, new SubtreeNow.StoredOrgs() {
            @Override
            public List<SubtreeNow.Org> byIds(Collection<String> ids) {
                return read(counts.find(Filters.in("_id", List.copyOf(ids))));
            }

            @Override
            public List<SubtreeNow.Org> merged() {
                // not an _id lookup: one query per walk, answered with the few merged organisations
                return read(counts.find(Filters.ne("mergedInto", null)));
            }
        });
    }

    private static List<SubtreeNow.Org> read(FindIterable<Document> found) {
        List<SubtreeNow.Org> orgs = new ArrayList<>();
        for (Document org : found.projection(include("name", "parentId", "mergedInto", "children"))) {
            orgs.add(new SubtreeNow.Org(org.getString("_id"), org.getString("name"), org.getString("parentId"),
                    org.getString("mergedInto"), org.getList("children", String.class, List.of())));
        }
        return orgs;
    }

    /**
     * A unit lacking a cell or a resident member.
     *
     * @param name      as registered; absent for a unit folded before reporting kept names (until a rebuild)
     * @param ownerId   the organisation that registered it (usually a commune)
     * @param ownerName that organisation's name
     */
    record Unit(String unitId, String name, String kind, String ownerId, String ownerName, boolean withoutCell,
                boolean withoutMember) {
    }
}
