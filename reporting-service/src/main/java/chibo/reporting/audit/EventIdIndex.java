package chibo.reporting.audit;

import chibo.platform.mongo.InsertNew;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes every archived event findable by its id: the archive writes each event's entry in {@code audit_event_ids}
 * as it archives it, and once, on the first start of a reporting-service that has the index, this lists the events
 * archived before it. It runs beside the service (lookups answer 404 for an older event until it is done) and marks
 * itself done, so that later starts skip it.
 */
@Component
class EventIdIndex {

    private static final Logger log = LoggerFactory.getLogger(EventIdIndex.class);
    /** Not an event id (those are UUIDs): the mark that the events archived before the index are in it. */
    static final String COMPLETE = "~archive-indexed";
    private static final int CHUNK = 1_000;

    private final AuditStore store;

    EventIdIndex(AuditStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexEarlierEventsInTheBackground() {
        Thread.ofVirtual().name("audit-event-id-index").start(() -> {
            try {
                indexEarlierEvents();
            } catch (RuntimeException e) {
                log.warn("listing the archived events by id failed; it is tried again at the next start", e);
            }
        });
    }

    /** Lists every archived event by its id, unless that was done before; answers how many it looked at. */
    long indexEarlierEvents() {
        if (store.eventIds().find(Filters.eq("_id", COMPLETE)).first() != null) {
            return 0;
        }
        long seen = 0;
        for (EventStream stream : EventStream.values()) {
            List<Document> entries = new ArrayList<>(CHUNK);
            for (Document event : store.events(stream).find()
                    .projection(Projections.include("_id", "eventId")).batchSize(CHUNK)) {
                if (event.getString("eventId") == null) {
                    continue;
                }
                entries.add(AuditStore.eventIdEntry(stream, event.getString("eventId"), event.getString("_id")));
                if (entries.size() == CHUNK) {
                    InsertNew.insertNew(store.eventIds(), entries);
                    seen += entries.size();
                    entries.clear();
                }
            }
            InsertNew.insertNew(store.eventIds(), entries);
            seen += entries.size();
        }
        InsertNew.insertNew(store.eventIds(), List.of(new Document("_id", COMPLETE)));
        log.info("the audit archive's {} earlier events are listed by id", seen);
        return seen;
    }
}
