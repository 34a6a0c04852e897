package chibo.reporting.audit;

import chibo.contracts.EventJson;
import chibo.contracts.EventPayload;
import chibo.contracts.Upcasters;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * One event as the archive keeps it: the envelope's fields, the payload exactly as it was read (the hash covers
 * it), whether its content still matched its hash when read, the organisations whose history lists it, and where
 * on Kafka it was read.
 *
 * @param type     the catalogue type it reads as (after upcasting)
 * @param wireType the type it was published with
 * @param payload  the payload JSON as received
 */
record ArchivedEvent(EventStream stream, String storageId, String eventId, String type, String wireType,
                     String source, String subject, long seq, LocalDate effectiveDate, Instant recordedAt,
                     String actingOrg, String decisionNumber, String correlationId, String causationId,
                     String previousHash, String hash, boolean contentIntact, String payload,
                     List<String> organizations, String topic, int partition, long offset) {

    Document toDocument() {
        return new Document("_id", storageId).append("eventId", eventId).append("type", type)
                .append("wireType", wireType).append("source", source).append("subject", subject).append("seq", seq)
                .append("effectiveDate", effectiveDate.toString()).append("recordedAt", Date.from(recordedAt))
                .append("actingOrg", actingOrg).append("decisionNumber", decisionNumber)
                .append("correlationId", correlationId).append("causationId", causationId)
                .append("previousHash", previousHash).append("hash", hash).append("contentIntact", contentIntact)
                .append("payload", payload).append("organizations", organizations)
                .append("kafka", new Document("topic", topic).append("partition", partition).append("offset", offset));
    }

    static ArchivedEvent fromDocument(EventStream stream, Document d) {
        Document kafka = d.get("kafka", Document.class);
        return new ArchivedEvent(stream, d.getString("_id"), d.getString("eventId"), d.getString("type"),
                d.getString("wireType"), d.getString("source"), d.getString("subject"),
                ((Number) d.get("seq")).longValue(), LocalDate.parse(d.getString("effectiveDate")),
                d.getDate("recordedAt").toInstant(), d.getString("actingOrg"), d.getString("decisionNumber"),
                d.getString("correlationId"), d.getString("causationId"), d.getString("previousHash"),
                d.getString("hash"), d.getBoolean("contentIntact", false), d.getString("payload"),
                d.getList("organizations", String.class, List.of()), kafka.getString("topic"),
                ((Number) kafka.get("partition")).intValue(), ((Number) kafka.get("offset")).longValue());
    }

    JsonNode payloadTree() {
        return EventJson.mapper().readTree(payload);
    }

    /** The payload as the catalogue record its type names, upcast as any consumer reads it today. */
    EventPayload typedPayload() {
        Upcasters.Upcast upcast = Upcasters.CURRENT.upcast(wireType, (ObjectNode) payloadTree());
        return EventJson.mapper().treeToValue(upcast.payload(), upcast.entry().payloadClass());
    }
}
