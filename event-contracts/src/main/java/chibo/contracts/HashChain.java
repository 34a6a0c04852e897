package chibo.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Tamper evidence: each event's hash is SHA-256 over the previous event's hash and the event's canonical form,
 * so changing, removing or reordering any stored event breaks every later link of that subject's chain.
 *
 * <p>The canonical form is one line per field, in this order: previous hash, id, type, source, subject, seq,
 * effective date (ISO), recorded time (ISO instant, milliseconds), acting organisation, decision number (empty
 * when none), correlation id, causation id (empty when none), canonical payload JSON (see {@link EventJson}).
 */
public final class HashChain {

    /** The "previous hash" of a subject's first event. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** Seals a draft as the subject's event number {@code seq}, chained to {@code previousHash}. */
    public static EventEnvelope seal(EventDraft draft, String source, long seq, String previousHash,
                                     UUID id, Instant recordedAt) {
        String type = EventCatalog.typeOf(draft.payload());
        Instant recorded = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String hash = hash(previousHash, id, type, source, draft.subject(), seq, draft.effectiveDate(), recorded,
                draft.actingOrg(), draft.decisionNumber(), draft.correlationId(), draft.causationId(),
                EventJson.canonical(draft.payload()));
        return new EventEnvelope(id, type, source, draft.subject(), seq, draft.effectiveDate(), recorded,
                draft.actingOrg(), draft.decisionNumber(), draft.correlationId(), draft.causationId(),
                previousHash, hash, draft.payload());
    }

    /** Recomputes the hash an envelope should carry, from its fields and payload. */
    public static String expectedHash(EventEnvelope e) {
        return expectedHash(e, EventJson.canonical(e.payload()));
    }

    /** Recomputes the hash from the envelope's fields and the payload exactly as received (canonicalised). */
    public static String expectedHash(EventEnvelope e, String canonicalPayload) {
        return hash(e.previousHash(), e.id(), e.type(), e.source(), e.subject(), e.seq(), e.effectiveDate(),
                e.recordedAt(), e.actingOrg(), e.decisionNumber(), e.correlationId(), e.causationId(),
                canonicalPayload);
    }

    static String hash(String previousHash, UUID id, String type, String source, String subject, long seq,
                       LocalDate effectiveDate, Instant recordedAt, String actingOrg, String decisionNumber,
                       UUID correlationId, UUID causationId, String canonicalPayload) {
        String canonical = String.join("\n",
                previousHash,
                id.toString(),
                type,
                source,
                subject,
                Long.toString(seq),
                effectiveDate.toString(),
                recordedAt.toString(),
                actingOrg,
                Objects.toString(decisionNumber, ""),
                correlationId.toString(),
                causationId == null ? "" : causationId.toString(),
                canonicalPayload);
        return sha256(canonical);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
