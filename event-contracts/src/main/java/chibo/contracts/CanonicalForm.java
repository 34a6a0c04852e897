package chibo.contracts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The bytes an event's hash and signature cover, so that any Kafka client can recompute them from the
 * {@code ce_*} headers and the record value: thirteen fields joined by a line feed, in this order — previous hash,
 * id, type (as on the wire, before any upcasting), source, subject, seq, effective date, recorded time
 * ({@link #TIME}, exactly the {@code ce_time} header), acting organisation, decision number (empty when none),
 * correlation id, causation id (empty when none), payload JSON with sorted keys and no insignificant whitespace.
 * UTF-8. See docs/event-integrity.md.
 */
public final class CanonicalForm {

    /** The one format of {@code ce_time} and of the recorded time in the canonical form: always milliseconds. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CanonicalForm() {
    }

    public static String time(Instant recordedAt) {
        return TIME.format(recordedAt);
    }

    /** The canonical form with the payload given as its canonical JSON text. */
    public static byte[] of(EventEnvelope e, String canonicalPayload) {
        return of(e, canonicalPayload.getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical form with the payload given as the bytes of its canonical JSON (as chibo puts it on the wire). */
    public static byte[] of(EventEnvelope e, byte[] canonicalPayload) {
        return concat(fields(e, time(e.recordedAt())), canonicalPayload);
    }

    /**
     * The form the hashes of events recorded before the time format was fixed may cover: the recorded time as
     * {@link Instant#toString()} writes it, which drops trailing zeros of the milliseconds (and the milliseconds
     * themselves when they are zero).
     */
    static byte[] legacy(EventEnvelope e, String canonicalPayload) {
        return concat(fields(e, e.recordedAt().toString()), canonicalPayload.getBytes(StandardCharsets.UTF_8));
    }

    /** What a signature covers: the canonical form, a line feed, and the hash the event carries. */
    public static byte[] signed(byte[] canonicalForm, String hash) {
        return concat(canonicalForm, ("\n" + hash).getBytes(StandardCharsets.UTF_8));
    }

    private static String fields(EventEnvelope e, String recordedTime) {
        return String.join("\n",
                e.previousHash(),
                e.id().toString(),
                e.type(),
                e.source(),
                e.subject(),
                Long.toString(e.seq()),
                e.effectiveDate().toString(),
                recordedTime,
                e.actingOrg(),
                Objects.toString(e.decisionNumber(), ""),
                e.correlationId().toString(),
                e.causationId() == null ? "" : e.causationId().toString(),
                "");
    }

    private static byte[] concat(String head, byte[] tail) {
        return concat(head.getBytes(StandardCharsets.UTF_8), tail);
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + tail.length);
        out.writeBytes(head);
        out.writeBytes(tail);
        return out.toByteArray();
    }
}
