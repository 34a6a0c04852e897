package chibo.reporting.audit;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;

/**
 * One event as an organisation's month lists it: enough to filter by type and period and to order, without
 * reading the event itself. Kept in {@code audit_org_months} under {@code <orgId>:<yyyy-MM>} of its effective date.
 *
 * @param id the event's {@code _id} in its stream's collection
 */
record IndexEntry(EventStream stream, String id, String type, LocalDate effectiveDate, Instant recordedAt) {

    /** History order: effective date, then recorded time, then stream and id (stable for a cursor). */
    static final Comparator<IndexEntry> ORDER = Comparator.comparing(IndexEntry::effectiveDate)
            .thenComparing(IndexEntry::recordedAt)
            .thenComparing(IndexEntry::stream)
            .thenComparing(IndexEntry::id);

    static IndexEntry of(ArchivedEvent event) {
        return new IndexEntry(event.stream(), event.storageId(), event.type(), event.effectiveDate(),
                event.recordedAt());
    }

    String subject() {
        return id.substring(0, id.lastIndexOf(':'));
    }

    /** Built field by field in one order, so that a redelivered event adds nothing to a set. */
    Document toDocument() {
        return new Document("stream", stream.label()).append("id", id).append("type", type)
                .append("effectiveDate", effectiveDate.toString()).append("recordedAt", Date.from(recordedAt));
    }

    static IndexEntry fromDocument(Document d) {
        return new IndexEntry(EventStream.ofLabel(d.getString("stream")), d.getString("id"), d.getString("type"),
                LocalDate.parse(d.getString("effectiveDate")), d.getDate("recordedAt").toInstant());
    }

    static String bucketId(String orgId, LocalDate effectiveDate) {
        return orgId + ":" + effectiveDate.toString().substring(0, 7);
    }
}
