package chibo.reporting.audit;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * What the archive keeps per subject and stream, in {@code audit_chains} under {@link EventStream#chainId}: the
 * chain as read so far and, for a member, the cell the member is in after the last event read (from admission,
 * enrolment, readmission and transfers received), which decides whose history lists the member's next event.
 */
record SubjectChain(EventStream stream, String subject, ChainState chain, String cellId, Instant lastRecordedAt) {

    static SubjectChain start(EventStream stream, String subject) {
        return new SubjectChain(stream, subject, ChainState.EMPTY, null, null);
    }

    String id() {
        return stream.chainId(subject);
    }

    SubjectChain with(ChainState next, String nextCellId, Instant recordedAt) {
        Instant last = lastRecordedAt == null || (recordedAt != null && recordedAt.isAfter(lastRecordedAt))
                ? recordedAt : lastRecordedAt;
        return new SubjectChain(stream, subject, next, nextCellId, last);
    }

    SubjectChain with(ChainState next) {
        return new SubjectChain(stream, subject, next, cellId, lastRecordedAt);
    }

    Document toDocument() {
        ChainState c = chain;
        return new Document("_id", id()).append("stream", stream.label()).append("subject", subject)
                .append("lastSeq", c.lastSeq()).append("lastHash", c.lastHash()).append("events", c.events())
                .append("brokenLinks", c.brokenLinks()).append("firstBroken", broken(c.firstBroken()))
                .append("cellId", cellId)
                .append("lastRecordedAt", lastRecordedAt == null ? null : Date.from(lastRecordedAt));
    }

    static SubjectChain fromDocument(Document d) {
        ChainState chain = new ChainState(((Number) d.get("lastSeq")).longValue(), d.getString("lastHash"),
                ((Number) d.get("events")).longValue(), ((Number) d.get("brokenLinks")).longValue(),
                broken(d.get("firstBroken", Document.class)));
        Date last = d.getDate("lastRecordedAt");
        return new SubjectChain(EventStream.ofLabel(d.getString("stream")), d.getString("subject"), chain,
                d.getString("cellId"), last == null ? null : last.toInstant());
    }

    static Document broken(BrokenLink link) {
        if (link == null) {
            return null;
        }
        return new Document("seq", link.seq()).append("reason", link.reason()).append("detail", link.detail())
                .append("expected", link.expected()).append("found", link.found())
                .append("partition", link.partition()).append("offset", link.offset());
    }

    static BrokenLink broken(Document d) {
        if (d == null) {
            return null;
        }
        Number partition = (Number) d.get("partition");
        Number offset = (Number) d.get("offset");
        return new BrokenLink(((Number) d.get("seq")).longValue(), d.getString("reason"), d.getString("detail"),
                d.getString("expected"), d.getString("found"), partition == null ? null : partition.intValue(),
                offset == null ? null : offset.longValue());
    }
}
