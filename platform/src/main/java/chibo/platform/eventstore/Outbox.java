package chibo.platform.eventstore;

import chibo.contracts.EventCatalog;
import chibo.contracts.EventEnvelope;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@link EventStore}'s events as outbox entries, for the {@link OutboxRelay}: which are not on Kafka yet, which
 * reached it, marking them published, and the trace context each was stored with until then. An event's document
 * is its entry: {@code published} says whether it left.
 */
final class Outbox {

    private static final int TRACEPARENTS_KEPT = 65_536;

    private final List<String> topics;
    private final Function<String, MongoCollection<Document>> events;
    private final Clock clock;
    /**
     * The trace context each event of this instance's outbox was stored with, by event id, until it is published: the
     * relay's records carry it. Bounded: what is evicted (an event refused as a conflict never leaves) is still in
     * the event's document, which a sweep reads again.
     */
    private final Map<UUID, String> traceparents = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
                    return size() > TRACEPARENTS_KEPT;
                }
            });

    /** @param events the collection of a topic's events */
    Outbox(List<String> topics, Function<String, MongoCollection<Document>> events, Clock clock) {
        this.topics = topics;
        this.events = events;
        this.clock = clock;
    }

    /** The event was stored with this trace context. */
    void storedWith(UUID eventId, String traceparent) {
        traceparents.put(eventId, traceparent);
    }

    /** The trace context an event of this outbox was stored with; null without one. */
    String traceparentOf(UUID eventId) {
        return traceparents.get(eventId);
    }

    void forgetTraceparents(Collection<EventEnvelope> published) {
        published.forEach(event -> traceparents.remove(event.id()));
    }

    /** Events not yet on Kafka that were recorded before {@code recordedBefore}, in subject and seq order. */
    List<EventEnvelope> unpublished(Instant recordedBefore) {
        List<EventEnvelope> result = new ArrayList<>();
        for (String topic : topics) {
            events.apply(topic).find(Filters.and(Filters.eq(EventDocuments.PUBLISHED, false),
                            Filters.lt(EventDocuments.RECORDED_AT, Date.from(recordedBefore))))
                    .sort(Sorts.ascending(EventDocuments.ID))
                    .batchSize(1_000) // the embedded server otherwise answers in one reply, however many there are
                    .forEach(document -> {
                        EventEnvelope event = EventDocuments.toEnvelope(document);
                        String traceparent = document.getString(EventDocuments.TRACEPARENT);
                        if (traceparent != null) {
                            traceparents.put(event.id(), traceparent);
                        }
                        result.add(event);
                    });
        }
        return result;
    }

    /**
     * Of the events named by storage id, those already on Kafka: one {@code _id $in} query per topic (the
     * embedded server answers those from its id index).
     */
    Set<String> publishedAmong(Map<String, ? extends Collection<String>> storageIdsByTopic) {
        Set<String> published = new HashSet<>();
        storageIdsByTopic.forEach((topic, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            for (Document document : events.apply(topic).find(Filters.in(EventDocuments.ID, ids))
                    .projection(new Document(EventDocuments.PUBLISHED, 1))) {
                if (document.getBoolean(EventDocuments.PUBLISHED, false)) {
                    published.add(document.getString(EventDocuments.ID));
                }
            }
        });
        return published;
    }

    void markPublished(Collection<EventEnvelope> published) {
        if (published.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        Map<String, List<WriteModel<Document>>> updatesByTopic = new HashMap<>();
        for (EventEnvelope e : published) {
            updatesByTopic.computeIfAbsent(EventCatalog.topicOf(e.payload()), t -> new ArrayList<>())
                    .add(new UpdateOneModel<>(Filters.eq(EventDocuments.ID, e.storageId()),
                            Updates.combine(Updates.set(EventDocuments.PUBLISHED, true),
                                    Updates.set(EventDocuments.PUBLISHED_AT, now))));
        }
        updatesByTopic.forEach((topic, updates) -> events.apply(topic).bulkWrite(updates));
    }
}
