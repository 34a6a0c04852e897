package chibo.meeting.roster;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.platform.projection.SequenceGate;
import chibo.platform.projection.SubjectProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
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
            byCell.forEach((cellId, entries) -> {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", cellId), Updates.pull("entries",
                        new Document("memberId", new Document("$in", new ArrayList<>(entries.keySet()))))));
                List<Document> stayed = entries.values().stream().filter(entry -> !entry.stints().isEmpty())
                        .map(Rosters::toDocument).toList();
                if (!stayed.isEmpty()) {
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", cellId), Updates.pushEach("entries", stayed),
                            new UpdateOptions().upsert(true)));
                }
            });
            if (!writes.isEmpty()) {
                cells.bulkWrite(writes, new BulkWriteOptions().ordered(true));
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

    /**
     * Takes the member's entry out of the cell's roster and puts the new one in: two atomic updates by {@code _id},
     * so that consumers of different members never overwrite each other's entries.
     */
    private void replaceEntry(String cellId, CellRoster.Entry entry) {
        cells.updateOne(Filters.eq("_id", cellId), Updates.pull("entries", new Document("memberId",
                entry.memberId())));
        if (!entry.stints().isEmpty()) {
            cells.updateOne(Filters.eq("_id", cellId), Updates.push("entries", toDocument(entry)),
                    new UpdateOptions().upsert(true));
        }
    }

    private static Document toDocument(CellRoster.Entry entry) {
        return Document.parse(EventJson.mapper().writeValueAsString(entry));
    }

    private static CellRoster read(Document stored) {
        List<CellRoster.Entry> entries = stored.getList("entries", Document.class, List.of()).stream()
                .map(entry -> EventJson.mapper().readValue(entry.toJson(RELAXED), CellRoster.Entry.class)).toList();
        return new CellRoster(stored.getString("_id"), entries);
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
