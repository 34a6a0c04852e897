package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.platform.eventstore.EventDocuments;
import chibo.platform.projection.SequenceGate;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bson.Document;

import java.util.Optional;

/** A processor's parked events in its task's store, keyed by storage id, as JSON documents. */
final class StoreParking implements SequenceGate.Parking {

    private final KeyValueStore<String, String> parked;

    StoreParking(KeyValueStore<String, String> parked) {
        this.parked = parked;
    }

    @Override
    public void park(EventEnvelope event) {
        parked.put(event.storageId(), EventDocuments.toDocument(event).toJson());
    }

    @Override
    public Optional<EventEnvelope> find(String subject, long seq) {
        return Optional.ofNullable(parked.get(EventEnvelope.storageId(subject, seq)))
                .map(json -> EventDocuments.toEnvelope(Document.parse(json)));
    }

    @Override
    public void release(EventEnvelope event) {
        parked.delete(event.storageId());
    }
}
