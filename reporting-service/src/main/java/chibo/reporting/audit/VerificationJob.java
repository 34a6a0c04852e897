package chibo.reporting.audit;

import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A whole-organisation verification as clients see it.
 *
 * @param phase         {@code organizations}, {@code scope}, {@code chains}, {@code done}
 * @param subjectsTotal chains to recompute (the subtree's organisations, the members ever in its cells, the
 *                      cells with meetings); known once the scope has been read
 * @param percent       subjects done of the total, once it is known
 * @param brokenChains  how many of the chains have a broken link
 * @param brokenLinks   the first broken link of each broken chain (the first {@value VerificationJobs#MAX_LISTED})
 * @param signaturesHold once completed, whether every record of the subtree's subjects was signed by a key allowed
 *                      on its topic; a record that was not is refused and takes no place in any chain
 * @param refusedRecords how many records were refused for their signature
 * @param refused       those records with the reason (the first {@value VerificationJobs#MAX_LISTED})
 */
record VerificationJob(String id, String orgId, State state, String phase, Long subjectsTotal, long subjectsDone,
                       Double percent, long recordsRead, long brokenChains, List<JobBrokenLink> brokenLinks,
                       Boolean signaturesHold, long refusedRecords, List<RefusedRecord> refused,
                       String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                       String error) {

    enum State {
        QUEUED, RUNNING, COMPLETED, FAILED,
        /** Still queued or running, but its runner stopped reporting: the instance running it went away. */
        ABANDONED
    }

    /** The first broken link of one subject's chain. */
    record JobBrokenLink(String stream, String subject, long seq, String reason, String detail, String expected,
                         String found, Integer partition, Long offset) {

        static JobBrokenLink of(ChainRereader.Chain chain) {
            BrokenLink link = chain.state().firstBroken();
            return new JobBrokenLink(chain.stream().label(), chain.subject(), link.seq(), link.reason(),
                    link.detail(), link.expected(), link.found(), link.partition(), link.offset());
        }

        Document toDocument() {
            return new Document("stream", stream).append("subject", subject).append("seq", seq)
                    .append("reason", reason).append("detail", detail).append("expected", expected)
                    .append("found", found).append("partition", partition).append("offset", offset);
        }

        static JobBrokenLink fromDocument(Document d) {
            Number partition = (Number) d.get("partition");
            Number offset = (Number) d.get("offset");
            return new JobBrokenLink(d.getString("stream"), d.getString("subject"),
                    ((Number) d.get("seq")).longValue(), d.getString("reason"), d.getString("detail"),
                    d.getString("expected"), d.getString("found"), partition == null ? null : partition.intValue(),
                    offset == null ? null : offset.longValue());
        }
    }

    /** A record refused for its signature. */
    record RefusedRecord(String stream, String subject, Long seq, String reason, int partition, long offset) {

        static RefusedRecord fromDocument(Document d) {
            Number seq = (Number) d.get("seq");
            return new RefusedRecord(d.getString("stream"), d.getString("subject"),
                    seq == null ? null : seq.longValue(), d.getString("reason"),
                    ((Number) d.get("partition")).intValue(), ((Number) d.get("offset")).longValue());
        }
    }

    static VerificationJob of(Document d, Instant now, Duration staleAfter) {
        State state = State.valueOf(d.getString("state"));
        Instant heartbeat = instant(d, "heartbeatAt");
        if ((state == State.RUNNING || state == State.QUEUED) && heartbeat != null
                && Duration.between(heartbeat, now).compareTo(staleAfter) > 0) {
            state = State.ABANDONED;
        }
        Number total = (Number) d.get("subjectsTotal");
        long done = number(d, "subjectsDone");
        Double percent = total == null ? null
                : total.longValue() == 0 ? 100.0 : Math.round(done * 1000.0 / total.longValue()) / 10.0;
        return new VerificationJob(d.getString("_id"), d.getString("orgId"), state, d.getString("phase"),
                total == null ? null : total.longValue(), done, percent, number(d, "recordsRead"),
                number(d, "brokenChains"),
                d.getList("brokenLinks", Document.class, List.of()).stream().map(JobBrokenLink::fromDocument)
                        .toList(),
                d.getBoolean("signaturesHold"), number(d, "refusedRecords"),
                d.getList("refused", Document.class, List.of()).stream().map(RefusedRecord::fromDocument).toList(),
                d.getString("requestedBy"), instant(d, "createdAt"), instant(d, "startedAt"),
                instant(d, "finishedAt"), d.getString("error"));
    }

    private static long number(Document d, String field) {
        Number value = (Number) d.get(field);
        return value == null ? 0 : value.longValue();
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
