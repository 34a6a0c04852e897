package chibo.reporting.deadletters;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.CloudEventsKafka.ReceivedEvent;
import chibo.contracts.SignatureCheck;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a re-drive may change: only what could not be read. The subject (the record's key), the type and the seq
 * stay as the dead letter has them — a correction that changed them would record a different fact about a
 * different member, unseen by membership-service and the audit archive. An attribute the dead letter lacks (or
 * carries without a value) may be supplied, except the subject, which is always the key.
 *
 * @param payload the event's JSON object replacing the body, or null to keep the body
 * @param headers CloudEvents attributes ({@code ce_*}, {@code content-type}) replacing the dead letter's, or null
 */
record Correction(JsonNode payload, Map<String, String> headers) {

    static final String UNREADABLE = "unreadable-correction";
    static final String CHANGES_IDENTITY = "redrive-changes-identity";
    static final String NOT_SIGNED = "redrive-not-signed";
    private static final Pattern CORRECTABLE_HEADER = Pattern.compile("ce_[a-z0-9]+|content-type");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The corrected record as it will be re-driven: same key, corrected headers and body, and how it reads. */
    record Corrected(String key, Headers headers, byte[] value, ReceivedEvent event) {
    }

    static Correction none() {
        return new Correction(null, null);
    }

    boolean replacesPayload() {
        return payload != null && !payload.isNull();
    }

    /** The header names this correction sets, sorted. */
    List<String> correctedHeaders() {
        return headers == null ? List.of() : List.copyOf(new TreeMap<>(headers).keySet());
    }

    /**
     * Applies the correction to a dead letter.
     *
     * @throws ProblemException 400 naming the field when the correction itself is malformed; 422
     *                          {@code unreadable-correction} when the corrected record still does not read as an
     *                          event; 422 {@code redrive-changes-identity} naming the header when it would change
     *                          the subject, type or seq
     */
    Corrected applyTo(String key, Headers letterHeaders, byte[] letterValue) {
        requireWellFormed();
        RecordHeaders corrected = new RecordHeaders();
        for (Header header : letterHeaders) {
            // the dead-letter reasons (x-*) stay behind; a header without a value carries nothing to keep
            if (!header.key().startsWith("x-") && header.value() != null
                    && (headers == null || !headers.containsKey(header.key()))) {
                corrected.add(header.key(), header.value());
            }
        }
        if (headers != null) {
            new TreeMap<>(headers).forEach((name, value) -> corrected.add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] value = replacesPayload() ? JSON.writeValueAsBytes(payload) : letterValue;
        if (value == null) {
            throw unreadable("payload", "the dead letter has no body; give the event's payload");
        }
        ReceivedEvent event;
        try {
            event = CloudEventsKafka.read(corrected, value);
        } catch (RuntimeException notAnEvent) {
            // whatever the record holds, failing to read it is a refusal of the correction, never a server error
            throw unreadable(replacesPayload() ? "payload" : "headers",
                    "the corrected record still does not read as an event: " + notAnEvent.getMessage());
        }
        requireSameSubject(key, letterHeaders, event.envelope().subject());
        requireUnchanged("ce_type", "type-unchanged", "type", letterHeaders, event.wireType());
        requireUnchanged("ce_seq", "seq-unchanged", "seq", letterHeaders, Long.toString(event.envelope().seq()));
        return new Corrected(key, corrected, value, event);
    }

    /**
     * @throws ProblemException 400 naming each field of the correction that is malformed: a payload that is not
     *                          a JSON object, a header that is not a CloudEvents attribute or has no value
     */
    void requireWellFormed() {
        List<FieldProblem> problems = new ArrayList<>();
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            problems.add(new FieldProblem("payload", "json-object", "the payload is the event's JSON object"));
        }
        if (headers != null) {
            new TreeMap<>(headers).forEach((name, value) -> {
                if (!CORRECTABLE_HEADER.matcher(name).matches()) {
                    problems.add(new FieldProblem("headers." + name, "cloudevents-attribute",
                            "only CloudEvents attributes (ce_…, content-type) can be corrected"));
                } else if (value == null) {
                    problems.add(new FieldProblem("headers." + name, "not-null",
                            "give the attribute's value; to keep the dead letter's, leave it out"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
    }

    private static void requireSameSubject(String key, Headers letterHeaders, String subject) {
        if (key == null) {
            throw changesIdentity("ce_subject", "subject-unchanged", "the dead letter has no key, so what it is"
                    + " about is unknown; a re-drive cannot name a subject for it");
        }
        if (!key.equals(subject)) {
            throw changesIdentity("ce_subject", "subject-unchanged", "a re-drive may not change the subject: the"
                    + " dead letter is about '" + key + "', the correction about '" + subject + "'");
        }
        requireUnchanged("ce_subject", "subject-unchanged", "subject", letterHeaders, subject);
    }

    /** Each value the dead letter carries for the attribute must be the one the corrected record reads as. */
    private static void requireUnchanged(String header, String rule, String what, Headers letterHeaders,
                                         String corrected) {
        for (Header original : letterHeaders.headers(header)) {
            if (original.value() == null) {
                continue;
            }
            String was = new String(original.value(), StandardCharsets.UTF_8);
            if (!was.equals(corrected)) {
                throw changesIdentity(header, rule, "a re-drive may not change the " + what + ": the dead letter"
                        + " has '" + was + "', the correction '" + corrected + "'");
            }
        }
    }

    /**
     * @throws ProblemException 422 {@code redrive-not-signed} naming {@code headers.ce_signature} and the
     *                          signature's outcome as the rule, when the corrected record's signature does not hold
     */
    static void requireSigned(String topic, SignatureCheck check) {
        if (check.holds()) {
            return;
        }
        String message = "the corrected record is not signed by the service that owns " + topic + " ("
                + check.reason() + "); reporting cannot sign for another service, so a re-drive may only restore"
                + " what was signed. An unsigned or forged record is not re-driven: the decision is entered again"
                + " through the owning service's API";
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, NOT_SIGNED, "The re-driven record is not signed",
                message, List.of(new FieldProblem("headers." + CloudEventsKafka.SIGNATURE_HEADER,
                check.outcome().code(), message)), Map.of());
    }

    private static ProblemException unreadable(String field, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, UNREADABLE, "The corrected record does not read",
                message, List.of(new FieldProblem(field, "readable-event", message)), Map.of());
    }

    private static ProblemException changesIdentity(String header, String rule, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, CHANGES_IDENTITY,
                "A re-drive corrects only what could not be read", message,
                List.of(new FieldProblem("headers." + header, rule, message)), Map.of());
    }
}
