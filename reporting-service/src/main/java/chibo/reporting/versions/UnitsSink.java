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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Materialises one projection version's units to MongoDB ({@code units_<v>}) from the changelog of the unit fold's
 * store: one document per organisation that registered units, keyed by that organisation, holding each of its units
 * (name, kind, covering cell, active members residing there) under {@link #field its unit id}. A query for a subtree
 * thus reads its organisations' units by {@code _id}. Units of one organisation may sit in different partitions of
 * the changelog, so each unit is set alone ({@code $set} of its own field), never the whole document. A unit's
 * records are in one partition, read in order by one consumer: the last write is its latest state.
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
        List<WriteModel<Document>> writes = new ArrayList<>();
        latest.forEach((unitId, unit) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", unit.ownerOrgId()),
                Updates.set("units." + field(unitId), new Document("unitId", unitId)
                        .append("name", unit.name())
                        .append("kind", unit.kind() == null ? null : unit.kind().name())
                        .append("cellId", unit.cellId())
                        .append("residents", unit.residents())),
                new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            units.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * A unit id as a field name: ids are letters, digits, {@code .}, {@code _} and {@code -}, and a dot would be a
     * path in MongoDB, so it is written {@code ~} (which no id holds).
     */
    static String field(String unitId) {
        return unitId.replace('.', '~');
    }
}
