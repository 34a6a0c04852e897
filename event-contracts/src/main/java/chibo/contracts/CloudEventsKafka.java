package chibo.contracts;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The CloudEvents Kafka protocol binding in binary mode: envelope attributes as {@code ce_*} headers, the payload
 * as the JSON record value, the subject as the record key. Any Kafka client can read it.
 *
 * <p>Standard attributes: {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject}, {@code ce_time}
 * (the recorded time), {@code ce_dataschema} and {@code content-type}. chibo's extensions: {@code ce_seq},
 * {@code ce_effectivedate}, {@code ce_actingorg}, {@code ce_decisionnumber}, {@code ce_correlationid},
 * {@code ce_causationid}, {@code ce_prevhash}, {@code ce_hash}, and on a signed record {@code ce_signer} and
 * {@code ce_signature}. {@code ce_time} always has milliseconds ({@link CanonicalForm#TIME}), so the header is
 * exactly the time the hash covers.
 */
public final class CloudEventsKafka {

    public static final String CONTENT_TYPE = "application/json";
    static final String SEQ = "seq";
    static final String EFFECTIVE_DATE = "effectivedate";
    static final String ACTING_ORG = "actingorg";
    static final String DECISION_NUMBER = "decisionnumber";
    static final String CORRELATION_ID = "correlationid";
    static final String CAUSATION_ID = "causationid";
    static final String PREVIOUS_HASH = "prevhash";
    static final String HASH = "hash";
    /** The id of the key that signed the record (see {@link EventSigner}). */
    public static final String SIGNER_HEADER = "ce_signer";
    /** The Base64 Ed25519 signature of {@link CanonicalForm#signed}. */
    public static final String SIGNATURE_HEADER = "ce_signature";
    static final String TIME_HEADER = "ce_time";

    private CloudEventsKafka() {
    }

    /** The schema id a payload of this type conforms to: {@code schemas/<type>.json} in this module. */
    public static URI dataSchema(String type) {
        return URI.create("urn:chibo:schema:" + type);
    }

    /** The record of an event, unsigned: consumers refuse it (see {@link #toRecord(EventEnvelope, EventSigner)}). */
    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope event) {
        return record(event, EventJson.toBytes(event.payload()));
    }

    /** The record of an event, signed: the payload is encoded once, for the record and for the signature. */
    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope event, EventSigner signer) {
        byte[] payload = EventJson.toBytes(event.payload());
        ProducerRecord<String, byte[]> record = record(event, payload);
        sign(record.headers(), signer, CanonicalForm.signed(CanonicalForm.of(event, payload), event.hash()));
        return record;
    }

    /** Signs an event read off Kafka again (a re-drive by the service that owns its topic). */
    public static void sign(Headers headers, ReceivedEvent event, EventSigner signer) {
        EventEnvelope asSent = event.asSent();
        sign(headers, signer, CanonicalForm.signed(CanonicalForm.of(asSent, EventJson.canonical(event.rawPayload())),
                asSent.hash()));
    }

    private static void sign(Headers headers, EventSigner signer, byte[] message) {
        headers.remove(SIGNER_HEADER);
        headers.remove(SIGNATURE_HEADER);
        headers.add(SIGNER_HEADER, signer.keyId().getBytes(StandardCharsets.UTF_8));
        headers.add(SIGNATURE_HEADER, signer.sign(message).getBytes(StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> record(EventEnvelope event, byte[] payload) {
        String topic = EventCatalog.require(event.type()).topic();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(URI.create(event.source()))
                .withSubject(event.subject())
                .withTime(event.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataSchema(dataSchema(event.type()))
                .withDataContentType(CONTENT_TYPE)
                .withData(payload)
                .withExtension(SEQ, Long.toString(event.seq()))
                .withExtension(EFFECTIVE_DATE, event.effectiveDate().toString())
                .withExtension(ACTING_ORG, event.actingOrg())
                .withExtension(CORRELATION_ID, event.correlationId().toString())
                .withExtension(PREVIOUS_HASH, event.previousHash())
                .withExtension(HASH, event.hash());
        if (event.decisionNumber() != null) {
            builder.withExtension(DECISION_NUMBER, event.decisionNumber());
        }
        if (event.causationId() != null) {
            builder.withExtension(CAUSATION_ID, event.causationId().toString());
        }
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, event.subject())
                .writeBinary(builder.build());
        // the library's writer drops trailing zeros of the milliseconds; outsiders recompute the hash from this header
        record.headers().remove(TIME_HEADER);
        record.headers().add(TIME_HEADER, CanonicalForm.time(event.recordedAt()).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Reads a record with the upcasters in force today. */
    public static ReceivedEvent read(Headers headers, byte[] value) {
        return read(headers, value, Upcasters.CURRENT);
    }

    /**
     * Reads a record into an envelope, upcasting old types. Anything unreadable (no {@code ce_specversion},
     * a missing attribute, a malformed payload, an unknown type) is an {@link InvalidEventException} that names
     * the problem.
     */
    public static ReceivedEvent read(Headers headers, byte[] value, Upcasters upcasters) {
        CloudEvent ce;
        try {
            ce = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new InvalidEventException("not a CloudEvents Kafka record: " + e.getMessage(), e);
        }
        String wireType = ce.getType();
        if (ce.getData() == null) {
            throw new InvalidEventException("event " + ce.getId() + " of type " + wireType + " has no payload");
        }
        String rawPayload = new String(ce.getData().toBytes(), StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(rawPayload);
        } catch (JacksonException e) {
            throw new InvalidEventException("payload of event " + ce.getId() + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidEventException("payload of event " + ce.getId() + " is not a JSON object");
        }
        Upcasters.Upcast upcast = upcasters.upcast(wireType, object);
        EventPayload payload;
        try {
            payload = EventJson.mapper().treeToValue(upcast.payload(), upcast.entry().payloadClass());
        } catch (JacksonException e) {
            throw new InvalidEventException("payload of event " + ce.getId() + " does not fit " + wireType + ": "
                    + e.getOriginalMessage(), e);
        }
        EventEnvelope envelope = new EventEnvelope(
                uuid(ce.getId(), "id"),
                upcast.entry().type(),
                ce.getSource().toString(),
                required(ce.getSubject(), "subject"),
                seq(extension(ce, SEQ, true)),
                date(extension(ce, EFFECTIVE_DATE, true)),
                ce.getTime() == null ? missing("time") : ce.getTime().toInstant(),
                extension(ce, ACTING_ORG, true),
                extension(ce, DECISION_NUMBER, false),
                uuid(extension(ce, CORRELATION_ID, true), CORRELATION_ID),
                optionalUuid(extension(ce, CAUSATION_ID, false)),
                extension(ce, PREVIOUS_HASH, true),
                extension(ce, HASH, true),
                payload);
        return new ReceivedEvent(envelope, wireType, rawPayload);
    }

    private static String extension(CloudEvent ce, String name, boolean required) {
        Object value = ce.getExtension(name);
        if (value == null) {
            if (required) {
                throw new InvalidEventException("event " + ce.getId() + " lacks the ce_" + name + " header");
            }
            return null;
        }
        return value.toString();
    }

    private static long seq(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidEventException("ce_seq '" + text + "' is not a number", e);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_effectivedate '" + text + "' is not an ISO date", e);
        }
    }

    private static UUID uuid(String text, String attribute) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("ce_" + attribute + " '" + text + "' is not a UUID", e);
        }
    }

    private static UUID optionalUuid(String text) {
        return text == null ? null : uuid(text, CAUSATION_ID);
    }

    private static String required(String value, String attribute) {
        return value == null ? missing(attribute) : value;
    }

    private static <T> T missing(String attribute) {
        throw new InvalidEventException("the ce_" + attribute + " header is missing");
    }

    /**
     * An event as read from Kafka: the (upcast) envelope, plus the wire type and payload exactly as received, which
     * the hash chain covers.
     */
    public record ReceivedEvent(EventEnvelope envelope, String wireType, String rawPayload) {

        /** Whether the hash carried in the headers matches the headers and the payload as received. */
        public boolean hashIsIntact() {
            return HashChain.holds(asSent(), EventJson.canonical(rawPayload));
        }

        /** The envelope with the wire type it was sent with: what its hash and signature cover. */
        public EventEnvelope asSent() {
            if (wireType.equals(envelope.type())) {
                return envelope;
            }
            return new EventEnvelope(envelope.id(), wireType, envelope.source(), envelope.subject(),
                    envelope.seq(), envelope.effectiveDate(), envelope.recordedAt(), envelope.actingOrg(),
                    envelope.decisionNumber(), envelope.correlationId(), envelope.causationId(),
                    envelope.previousHash(), envelope.hash(), envelope.payload());
        }

        public Instant recordedAt() {
            return envelope.recordedAt();
        }
    }
}
