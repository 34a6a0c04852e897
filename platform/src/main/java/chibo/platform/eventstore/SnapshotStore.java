package chibo.platform.eventstore;

import chibo.contracts.EventJson;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest folded state of each subject, keyed by {@code _id}. A cache of the event store, never the truth:
 * a snapshot is replaced only by one of a higher seq. Each subject has one writer at a time (the aggregate's lock
 * in an instance, the partition's owner for a projection), so the check is a read and a replace by {@code _id}:
 * the embedded MongoDB-wire server serves only those from its index, and scans for anything else.
 *
 * <p>The state is kept as its JSON text in one string field: nothing queries inside a snapshot, and the text is
 * written and read by one JSON pass instead of being rebuilt field by field as a BSON document (projections read
 * and replace theirs for every batch of events, aggregates read theirs for every command). A snapshot stored as a
 * document by an earlier version is still read. A snapshot carries the {@code format} of the state it holds: when a
 * state gains what it cannot have had before (a new field folded from events), the store is given a higher format and
 * ignores the older snapshots — the state is folded from the events again and saved in the new format.
 */
public final class SnapshotStore<S> {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    private static final String FORMAT = "format";

    private final MongoCollection<Document> snapshots;
    private final Class<S> stateType;
    private final int format;

    public SnapshotStore(MongoCollection<Document> snapshots, Class<S> stateType) {
        this(snapshots, stateType, 1);
    }

    /** @param format the shape of the state this store writes and reads (1 when snapshots carried none) */
    public SnapshotStore(MongoCollection<Document> snapshots, Class<S> stateType, int format) {
        this.snapshots = snapshots;
        this.stateType = stateType;
        this.format = format;
    }

    public Optional<Current<S>> find(String subject) {
        Document document = snapshots.find(Filters.eq("_id", subject)).first();
        return document == null || !current(document) ? Optional.empty() : Optional.of(read(document));
    }

    /** Whether the snapshot holds a state of this store's format (one without a format is format 1). */
    private boolean current(Document document) {
        Object stored = document.get(FORMAT);
        return (stored == null ? 1 : ((Number) stored).intValue()) == format;
    }

    /** The snapshots of many subjects in one {@code _id $in} query, by subject; subjects without one are absent. */
    public Map<String, Current<S>> findAll(Collection<String> subjects) {
        Map<String, Current<S>> found = new HashMap<>();
        if (subjects.isEmpty()) {
            return found;
        }
        for (Document document : snapshots.find(Filters.in("_id", subjects))) {
            if (current(document)) {
                found.put(document.getString("_id"), read(document));
            }
        }
        return found;
    }

    private Current<S> read(Document document) {
        Object stored = document.get("state");
        String json = stored instanceof Document legacy ? legacy.toJson(RELAXED) : (String) stored;
        S state = EventJson.mapper().readValue(json, stateType);
        return new Current<>(state, ((Number) document.get("seq")).longValue(), document.getString("hash"));
    }

    /**
     * Stores the snapshot over whatever is stored, for a writer that has just read the stored one and knows it is
     * older (a projection applying its subject's next event).
     */
    public void replace(String subject, Current<S> current) {
        snapshots.replaceOne(Filters.eq("_id", subject), document(subject, current),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Stores many snapshots over whatever is stored, in one bulk write: for a writer that has just stored each
     * subject's later events, so that no snapshot it replaces can be newer than its own (a writer that appended
     * after it would have had to read its events first, and snapshots only ever lag the events).
     */
    public void replaceAll(Map<String, Current<S>> states) {
        if (states.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(states.size());
        states.forEach((subject, current) -> writes.add(replaceModel(subject, current)));
        bulkWrite(writes);
    }

    /** The write that stores the snapshot over whatever is stored, for a {@link #bulkWrite}. */
    public WriteModel<Document> replaceModel(String subject, Current<S> current) {
        return new ReplaceOneModel<>(Filters.eq("_id", subject), document(subject, current),
                new ReplaceOptions().upsert(true));
    }

    /** Runs the writes in one unordered bulk write. */
    public void bulkWrite(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            snapshots.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private Document document(String subject, Current<S> current) {
        return new Document("_id", subject)
                .append(FORMAT, format)
                .append("seq", current.seq())
                .append("hash", current.hash())
                .append("state", EventJson.mapper().writeValueAsString(current.state()));
    }

    public void save(String subject, Current<S> current) {
        Document stored = snapshots.find(Filters.eq("_id", subject)).projection(new Document("seq", 1)
                .append(FORMAT, 1)).first();
        if (stored != null && current(stored) && ((Number) stored.get("seq")).longValue() >= current.seq()) {
            return;
        }
        Document document = document(subject, current);
        if (stored == null) {
            try {
                snapshots.insertOne(document);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // written meanwhile by another instance: fall through and compare again
                save(subject, current);
                return;
            }
        }
        snapshots.replaceOne(Filters.eq("_id", subject), document);
    }
}
