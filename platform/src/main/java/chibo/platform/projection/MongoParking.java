package chibo.platform.projection;

import chibo.contracts.EventEnvelope;
import chibo.platform.eventstore.EventDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A projection's parked events, one document per event keyed by its storage id, written as they come. */
class MongoParking implements SequenceGate.Parking {

    protected final MongoCollection<Document> parked;

    MongoParking(MongoCollection<Document> parked) {
        this.parked = parked;
    }

    @Override
    public void park(EventEnvelope event) {
        parked.replaceOne(Filters.eq("_id", event.storageId()), EventDocuments.toDocument(event),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<EventEnvelope> find(String subject, long seq) {
        return Optional.ofNullable(parked.find(Filters.eq("_id", EventEnvelope.storageId(subject, seq))).first())
                .map(EventDocuments::toEnvelope);
    }

    @Override
    public List<EventEnvelope> findAll(Map<String, Long> seqs) {
        List<String> ids = seqs.entrySet().stream()
                .map(wanted -> EventEnvelope.storageId(wanted.getKey(), wanted.getValue())).toList();
        List<EventEnvelope> found = new ArrayList<>();
        parked.find(Filters.in("_id", ids)).forEach(document -> found.add(EventDocuments.toEnvelope(document)));
        return found;
    }

    @Override
    public void release(EventEnvelope event) {
        parked.deleteOne(Filters.eq("_id", event.storageId()));
    }

    /**
     * The parking for one batch: events parked are written in one bulk write when the batch has been judged
     * ({@link #writeParked}), so that the release can find them; events released are deleted in one go once the
     * states they were applied to are saved ({@link #deleteReleased}).
     */
    static final class Batch extends MongoParking {

        private final List<WriteModel<Document>> parkings = new ArrayList<>();
        private final List<Object> released = new ArrayList<>();

        Batch(MongoCollection<Document> parked) {
            super(parked);
        }

        @Override
        public void park(EventEnvelope event) {
            parkings.add(new ReplaceOneModel<>(Filters.eq("_id", event.storageId()), EventDocuments.toDocument(event),
                    new ReplaceOptions().upsert(true)));
        }

        @Override
        public void release(EventEnvelope event) {
            released.add(event.storageId());
        }

        void writeParked() {
            if (!parkings.isEmpty()) {
                parked.bulkWrite(parkings, new BulkWriteOptions().ordered(false));
            }
        }

        void deleteReleased() {
            if (!released.isEmpty()) {
                parked.deleteMany(Filters.in("_id", released));
            }
        }
    }
}
