package chibo.contracts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Tamper evidence: each event's hash is SHA-256 over its {@link CanonicalForm}, which starts with the previous
 * event's hash, so changing, removing or reordering any stored event breaks every later link of that subject's
 * chain. Events hashed before the recorded time had one fixed format still verify ({@link #holds}).
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
        EventEnvelope unsealed = new EventEnvelope(id, type, source, draft.subject(), seq, draft.effectiveDate(),
                recordedAt, draft.actingOrg(), draft.decisionNumber(), draft.correlationId(), draft.causationId(),
                previousHash, "", draft.payload());
        String hash = sha256(CanonicalForm.of(unsealed, EventJson.canonical(draft.payload())));
        return new EventEnvelope(id, type, source, draft.subject(), seq, draft.effectiveDate(),
                unsealed.recordedAt(), draft.actingOrg(), draft.decisionNumber(), draft.correlationId(),
                draft.causationId(), previousHash, hash, draft.payload());
    }

    /** Recomputes the hash an envelope should carry, from its fields and payload. */
    public static String expectedHash(EventEnvelope e) {
        return expectedHash(e, EventJson.canonical(e.payload()));
    }

    /** Recomputes the hash from the envelope's fields and the payload exactly as received (canonicalised). */
    public static String expectedHash(EventEnvelope e, String canonicalPayload) {
        return sha256(CanonicalForm.of(e, canonicalPayload));
    }

    /**
     * The hash recomputed in the form the event's own hash was made with: the fixed time format, or for an event
     * recorded before it, the older one; when neither matches, the fixed form's (which then differs).
     */
    public static String recompute(EventEnvelope e, String canonicalPayload) {
        String expected = expectedHash(e, canonicalPayload);
        if (expected.equals(e.hash())) {
            return expected;
        }
        String legacy = sha256(CanonicalForm.legacy(e, canonicalPayload));
        return legacy.equals(e.hash()) ? legacy : expected;
    }

    /** Whether the hash the envelope carries matches its fields and this payload. */
    public static boolean holds(EventEnvelope e, String canonicalPayload) {
        return recompute(e, canonicalPayload).equals(e.hash());
    }

    public static String sha256(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
