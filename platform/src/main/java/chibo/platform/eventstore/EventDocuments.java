package chibo.platform.eventstore;

import chibo.contracts.EventCatalog;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.contracts.EventPayload;
import org.bson.Document;

import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;

/**
 * The stored form of an event. {@code _id} is {@code subject:seq} (zero-padded) so that loading a subject's next
 * event is an {@code _id} lookup; the payload is kept as the exact canonical JSON the hash chain covers.
 */
public final class EventDocuments {

    static final String ID = "_id";
    static final String SUBJECT = "subject";
    static final String SEQ = "seq";
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String SOURCE = "source";
    static final String EFFECTIVE_DATE = "effectiveDate";
    static final String RECORDED_AT = "recordedAt";
    static final String ACTING_ORG = "actingOrg";
    static final String DECISION_NUMBER = "decisionNumber";
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";
    static final String PREVIOUS_HASH = "previousHash";
    static final String HASH = "hash";
    static final String PAYLOAD = "payload";
    static final String TOPIC = "topic";
    static final String PUBLISHED = "published";
    static final String PUBLISHED_AT = "publishedAt";
    /** The W3C trace context of the request that stored the event, when it had one: not part of the event. */
    static final String TRACEPARENT = "traceparent";

    private EventDocuments() {
    }

    public static Document toDocument(EventEnvelope e) {
        return new Document(ID, e.storageId())
                .append(SUBJECT, e.subject())
                .append(SEQ, e.seq())
                .append(EVENT_ID, e.id().toString())
                .append(TYPE, e.type())
                .append(SOURCE, e.source())
                .append(EFFECTIVE_DATE, e.effectiveDate().toString())
                .append(RECORDED_AT, Date.from(e.recordedAt()))
                .append(ACTING_ORG, e.actingOrg())
                .append(DECISION_NUMBER, e.decisionNumber())
                .append(CORRELATION_ID, e.correlationId().toString())
                .append(CAUSATION_ID, e.causationId() == null ? null : e.causationId().toString())
                .append(PREVIOUS_HASH, e.previousHash())
                .append(HASH, e.hash())
                .append(PAYLOAD, EventJson.canonical(e.payload()))
                .append(TOPIC, EventCatalog.topicOf(e.payload()))
                .append(PUBLISHED, false);
    }

    public static EventEnvelope toEnvelope(Document d) {
        String type = d.getString(TYPE);
        EventPayload payload = EventJson.mapper().readValue(d.getString(PAYLOAD),
                EventCatalog.require(type).payloadClass());
        String causation = d.getString(CAUSATION_ID);
        return new EventEnvelope(
                UUID.fromString(d.getString(EVENT_ID)),
                type,
                d.getString(SOURCE),
                d.getString(SUBJECT),
                ((Number) d.get(SEQ)).longValue(),
                LocalDate.parse(d.getString(EFFECTIVE_DATE)),
                d.getDate(RECORDED_AT).toInstant(),
                d.getString(ACTING_ORG),
                d.getString(DECISION_NUMBER),
                UUID.fromString(d.getString(CORRELATION_ID)),
                causation == null ? null : UUID.fromString(causation),
                d.getString(PREVIOUS_HASH),
                d.getString(HASH),
                payload);
    }

    /** The payload exactly as stored: what verification must hash, whatever the record would make of it. */
    static String storedPayload(Document d) {
        return d.getString(PAYLOAD);
    }
}
