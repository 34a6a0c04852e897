package chibo.meeting.roster;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.platform.mongo.KeyedValues;
import chibo.platform.projection.SequenceGate;
import chibo.platform.projection.SubjectProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cell rosters kept from membership events: each member's roster facts (keyed by member id), and each cell's
 * roster with every member's stints there (keyed by cell id), so that checking a meeting's attendance against the
 * roster of its date is one {@code _id} lookup.
 */
@Component
public class Rosters {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    /** Each member's entry in a cell's roster, as JSON, under the member's id made a field name. */
    static final String MEMBERS = "members";
    /** The form rosters had before: an array of entries, each a sub-document. */
    static final String LEGACY_ENTRIES = "entries";

    private final SubjectProjection<RosterMember> members;
    private final MongoCollection<Document> cells;

    Rosters(MongoTemplate mongo, MeterRegistry meters) {
        MongoDatabase database = mongo.getDb();
        this.members = new SubjectProjection<>(database, "roster_members", RosterMember.class, RosterMember::apply,
                meters);
        this.cells = database.getCollection("cell_rosters");
    }

    public SequenceGate.Outcome accept(EventEnvelope event) {
        return members.accept(event, this::restint);
    }

    /**
     * A batch of membership events, with the effect of {@link #accept} one by one: each cell roster the batch
     * changes is written once, its changed entries taken out and put back in one bulk write.
     */
    public List<SequenceGate.Outcome> acceptAll(List<EventEnvelope> events) {
        return members.acceptAll(events, changes -> {
            Map<String, Map<String, CellRoster.Entry>> byCell = new LinkedHashMap<>();
            changes.forEach(change -> restint(change.before(), change.after(), (cellId, entry) -> byCell
                    .computeIfAbsent(cellId, c -> new LinkedHashMap<>()).put(entry.memberId(), entry)));
            List<WriteModel<Document>> writes = new ArrayList<>();
            byCell.forEach((cellId, entries) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", cellId),
                    replacing(entries.values()), new UpdateOptions().upsert(true))));
            if (!writes.isEmpty()) {
                cells.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
        });
    }

    /** Where a member's entry in a cell's roster is replaced (no stints: taken off it). */
    @FunctionalInterface
    private interface Restinting {
        void replace(String cellId, CellRoster.Entry entry);
    }

    private void restint(RosterMember before, RosterMember after, EventEnvelope event) {
        restint(before, after, this::replaceEntry);
    }

    /**
     * Rewrites the member's entry in every cell whose stints of theirs changed. Replacing the entry with the
     * member's whole stints there makes a repeat harmless.
     */
    private void restint(RosterMember before, RosterMember after, Restinting restinting) {
        List<Stint> was = before == null ? List.of() : before.stints();
        List<Stint> is = after.stints();
        Set<String> cellIds = new LinkedHashSet<>(RosterTimeline.cells(was));
        cellIds.addAll(RosterTimeline.cells(is));
        for (String cellId : cellIds) {
            List<Stint> wasThere = was.stream().filter(s -> s.cellId().equals(cellId)).toList();
            List<Stint> isThere = is.stream().filter(s -> s.cellId().equals(cellId)).toList();
            boolean renamed = before != null && !before.fullName().equals(after.fullName());
            if (!wasThere.equals(isThere) || renamed) {
                restinting.replace(cellId, new CellRoster.Entry(after.memberId(), after.fullName(), isThere));
            }
        }
    }

    /** Replaces the member's entry in the cell's roster: one update by {@code _id}, touching that entry only. */
    private void replaceEntry(String cellId, CellRoster.Entry entry) {
        cells.updateOne(Filters.eq("_id", cellId), replacing(List.of(entry)), new UpdateOptions().upsert(true));
    }

    /**
     * The update that puts each entry in its member's place in the roster ({@value #MEMBERS}, keyed by member id),
     * or takes it out when it has no stints left, and drops the member from the roster's older form (the
     * {@value #LEGACY_ENTRIES} array of rosters written before): see {@link KeyedValues}.
     */
    private static Bson replacing(Collection<CellRoster.Entry> entries) {
        Map<String, String> jsonByMember = new LinkedHashMap<>();
        entries.forEach(entry -> jsonByMember.put(entry.memberId(), entry.stints().isEmpty() ? null
                : EventJson.mapper().writeValueAsString(entry)));
        return KeyedValues.replacing(MEMBERS, LEGACY_ENTRIES, jsonByMember);
    }

    private static CellRoster read(Document stored) {
        Map<String, CellRoster.Entry> byMember = new LinkedHashMap<>();
        for (Document legacy : stored.getList(LEGACY_ENTRIES, Document.class, List.of())) {
            CellRoster.Entry entry = EventJson.mapper().readValue(legacy.toJson(RELAXED), CellRoster.Entry.class);
            byMember.put(entry.memberId(), entry);
        }
        for (String json : KeyedValues.read(stored, MEMBERS)) {
            CellRoster.Entry entry = EventJson.mapper().readValue(json, CellRoster.Entry.class);
            byMember.put(entry.memberId(), entry);
        }
        return new CellRoster(stored.getString("_id"), List.copyOf(byMember.values()));
    }

    public CellRoster roster(String cellId) {
        Document stored = cells.find(Filters.eq("_id", cellId)).first();
        return stored == null ? CellRoster.empty(cellId) : read(stored);
    }

    /** The members on the cell's roster on {@code day}. */
    public List<CellRoster.Line> asOf(String cellId, LocalDate day) {
        return roster(cellId).asOf(day);
    }

    public Optional<RosterMember> member(String memberId) {
        return members.find(memberId);
    }

    /** Every cell roster, one at a time (a scan, for the compliance check). */
    public void forEachCell(Consumer<CellRoster> action) {
        // a few hundred rosters a round trip: without a batch size the embedded MongoDB-wire server answers with
        // every roster in one reply, past the driver's 48 MB limit for a large province
        cells.find().batchSize(200).forEach(document -> action.accept(read(document)));
    }
}
