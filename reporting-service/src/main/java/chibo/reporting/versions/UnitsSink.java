package chibo.reporting.versions;

import chibo.contracts.EventJson;
import chibo.reporting.figures.UnitCoverage;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Materialises one projection version's units to MongoDB ({@code units_<v>}) from the changelog of the unit fold's
 * store: one document per organisation that registered units, keyed by that organisation, holding each of its units
 * (name, kind, covering cell, active members residing there) under {@link #field its unit id}. A query for a subtree
 * thus reads its organisations' units by {@code _id}. Units of one organisation may sit in different partitions of
 * the changelog, so each unit is set in its own field ({@code $set}), never the whole document; the units of one
 * organisation a batch changed are set by one update. A unit's records are in one partition, read in order by one
 * consumer: the last write is its latest state.
 */
final class UnitsSink {

    private final MongoCollection<Document> units;

    UnitsSink(MongoDatabase database, String version) {
        this.units = database.getCollection(ProjectionNames.unitsCollection(version));
    }

    void writeUnits(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, UnitCoverage> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            UnitCoverage unit = EventJson.mapper().readValue(record.value(), UnitCoverage.class);
            if (unit.ownerOrgId() != null) {
                latest.put(record.key(), unit);
            }
        }
        write(latest);
    }

    /**
     * One update per organisation, setting each of its units that changed: the village changes of a commit fall
     * mostly in a few communes, and every update of a document costs the embedded server the whole document (it
     * copies it before changing it), however few of its fields change.
     */
    void write(Map<String, UnitCoverage> latest) {
        List<WriteModel<Document>> writes = writes(latest);
        if (!writes.isEmpty()) {
            units.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static List<WriteModel<Document>> writes(Map<String, UnitCoverage> latestByUnitId) {
        Map<String, List<Bson>> setsByOwner = new LinkedHashMap<>();
        latestByUnitId.forEach((unitId, unit) -> setsByOwner.computeIfAbsent(unit.ownerOrgId(),
                owner -> new ArrayList<>()).add(Updates.set("units." + field(unitId), new Document("unitId", unitId)
                .append("name", unit.name())
                .append("kind", unit.kind() == null ? null : unit.kind().name())
                .append("cellId", unit.cellId())
                .append("residents", unit.residents()))));
        List<WriteModel<Document>> writes = new ArrayList<>(setsByOwner.size());
        setsByOwner.forEach((owner, sets) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", owner),
                Updates.combine(sets), new UpdateOptions().upsert(true))));
        return writes;
    }

    /**
     * A unit id as a field name: ids are letters, digits, {@code .}, {@code _} and {@code -}, and a dot would be a
     * path in MongoDB, so it is written {@code ~} (which no id holds).
     */
    static String field(String unitId) {
        return unitId.replace('.', '~');
    }
}
