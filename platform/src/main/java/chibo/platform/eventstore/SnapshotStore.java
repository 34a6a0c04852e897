package chibo.platform.eventstore;

import chibo.contracts.EventJson;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.Optional;

/**
 * The latest folded state of each subject, keyed by {@code _id}. A cache of the event store, never the truth:
 * a snapshot is replaced only by one of a higher seq, so a slow writer can never roll it back.
 */
public final class SnapshotStore<S> {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    private final MongoCollection<Document> snapshots;
    private final Class<S> stateType;

    public SnapshotStore(MongoCollection<Document> snapshots, Class<S> stateType) {
        this.snapshots = snapshots;
        this.stateType = stateType;
    }

    public Optional<Current<S>> find(String subject) {
        Document document = snapshots.find(Filters.eq("_id", subject)).first();
        if (document == null) {
            return Optional.empty();
        }
        S state = EventJson.mapper().readValue(document.get("state", Document.class).toJson(RELAXED), stateType);
        return Optional.of(new Current<>(state, ((Number) document.get("seq")).longValue(),
                document.getString("hash")));
    }

    public void save(String subject, Current<S> current) {
        Document document = new Document("_id", subject)
                .append("seq", current.seq())
                .append("hash", current.hash())
                .append("state", Document.parse(EventJson.mapper().writeValueAsString(current.state())));
        try {
            snapshots.replaceOne(Filters.and(Filters.eq("_id", subject), Filters.lt("seq", current.seq())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // a snapshot at this seq or later is already stored: keep it
        }
    }
}
