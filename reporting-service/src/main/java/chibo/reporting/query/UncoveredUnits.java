package chibo.reporting.query;

import chibo.contracts.organization.UnitKind;
import chibo.reporting.versions.ProjectionNames;
import chibo.reporting.versions.Projections;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Projections.include;

/**
 * The units (villages, schools, health stations…) registered in an organisation's subtree that no cell covers or
 * where no active party member resides, by name: the list behind the summary's {@code units.<kind>.without_cell} and
 * {@code units.<kind>.without_member} counts, read from the live projection version.
 *
 * <p>The subtree is walked down its stored figures level by level ({@code _id $in} per level, the organisations
 * standing there now), then the units of its organisations are read by {@code _id} (the organisation that
 * registered them).
 */
@Component
class UncoveredUnits {

    /** Deeper than any party tree: central, province, commune, grassroots, cell. */
    private static final int MAX_DEPTH = 16;

    private final MongoDatabase database;
    private final Projections projections;

    UncoveredUnits(MongoTemplate mongo, Projections projections) {
        this.database = mongo.getDb();
        this.projections = projections;
    }

    /** The subtree's units lacking a cell or a resident member; empty when reporting has not seen the organisation. */
    Optional<List<Unit>> of(String orgId) {
        String version = projections.live();
        Map<String, String> names = subtree(version, orgId);
        if (names.isEmpty()) {
            return Optional.empty();
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

    /** The organisation and those standing under it now, with their names; empty when it is unknown. */
    private Map<String, String> subtree(String version, String orgId) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        Set<String> level = new HashSet<>(Set.of(orgId));
        for (int depth = 0; !level.isEmpty() && depth < MAX_DEPTH; depth++) {
            Set<String> next = new HashSet<>();
            for (Document org : database.getCollection(ProjectionNames.countsCollection(version))
                    .find(Filters.in("_id", List.copyOf(level))).projection(include("name", "parentId", "children"))) {
                String id = org.getString("_id");
                boolean standsThere = id.equals(orgId) || Objects.equals(org.getString("parentId"),
                        parentOf.get(id));
                if (!standsThere || names.containsKey(id)) {
                    continue;
                }
                names.put(id, org.getString("name"));
                for (String child : org.getList("children", String.class, List.of())) {
                    if (!names.containsKey(child)) {
                        parentOf.put(child, id);
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return names;
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
