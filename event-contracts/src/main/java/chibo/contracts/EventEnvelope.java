package chibo.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One recorded fact with everything needed to order, trace and verify it. CloudEvents-shaped: on Kafka the
 * fields travel as {@code ce_*} headers (see {@link CloudEventsKafka}) and the payload as the JSON body.
 *
 * @param id             unique id of this event
 * @param type           logical wire name, e.g. {@code member.admitted.v1}
 * @param source         the producing service, e.g. {@code /chibo/membership-service}
 * @param subject        member, organisation or cell id; also the Kafka record key
 * @param seq            1-based position in the subject's own history, gap-free
 * @param effectiveDate  when it happened in law (decision date, ceremony date...)
 * @param recordedAt     when chibo learnt it, truncated to milliseconds so it survives any store unchanged
 * @param actingOrg      the organisation that took the decision or recorded the fact
 * @param decisionNumber the decision's number where there is one, else null
 * @param correlationId  groups every event caused by one request
 * @param causationId    the event that caused this one, else null
 * @param previousHash   hash of the subject's previous event ({@link HashChain#GENESIS} for seq 1)
 * @param hash           hash of this event chained to the previous one
 */
public record EventEnvelope(
        UUID id,
        String type,
        String source,
        String subject,
        long seq,
        LocalDate effectiveDate,
        Instant recordedAt,
        String actingOrg,
        String decisionNumber,
        UUID correlationId,
        UUID causationId,
        String previousHash,
        String hash,
        EventPayload payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actingOrg, "actingOrg");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(payload, "payload");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, was " + seq);
        }
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The id of the subject's event at this seq in a store keyed by {@code _id}: sorts in seq order. */
    public String storageId() {
        return storageId(subject, seq);
    }

    public static String storageId(String subject, long seq) {
        if (seq < 0 || seq > 999_999_999_999L) {
            return subject + ":" + String.format("%012d", seq);
        }
        // every stored event's id is built here, several times per command: zero-padded by hand, not by a Formatter
        String digits = Long.toString(seq);
        return subject + ":" + "000000000000".substring(digits.length()) + digits;
    }
}
