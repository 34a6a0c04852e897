package chibo.contracts;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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
import java.util.ArrayList;
import java.util.List;
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
    static final String SPEC_VERSION = "1.0";
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
    /** The Base64 Ed25519 signature of {@link CanonicalForm#signed}, or of its batch's {@link BatchProof}. */
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

    /**
     * The records of events published together, signed in batches of up to {@link BatchProof#MAX_BATCH}: one
     * signature over each batch's Merkle root, and each record's inclusion proof in {@link BatchProof#HEADER}, so that
     * the publisher signs, and each consumer checks, once per batch instead of once per event. A batch of one is
     * signed as {@link #toRecord(EventEnvelope, EventSigner)} signs it.
     */
    public static List<ProducerRecord<String, byte[]>> toRecords(List<EventEnvelope> events, EventSigner signer) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (int from = 0; from < events.size(); from += BatchProof.MAX_BATCH) {
            List<EventEnvelope> batch = events.subList(from, Math.min(events.size(), from + BatchProof.MAX_BATCH));
            if (batch.size() == 1) {
                records.add(toRecord(batch.getFirst(), signer));
                continue;
            }
            List<byte[]> messages = new ArrayList<>(batch.size());
            int first = records.size();
            for (EventEnvelope event : batch) {
                byte[] payload = EventJson.toBytes(event.payload());
                records.add(record(event, payload));
                messages.add(CanonicalForm.signed(CanonicalForm.of(event, payload), event.hash()));
            }
            BatchProof.Tree tree = BatchProof.tree(messages);
            String signature = signer.sign(BatchProof.statement(tree.size(), tree.root()));
            for (int i = 0; i < batch.size(); i++) {
                Headers headers = records.get(first + i).headers();
                headers.add(SIGNER_HEADER, signer.keyId().getBytes(StandardCharsets.UTF_8));
                headers.add(SIGNATURE_HEADER, signature.getBytes(StandardCharsets.UTF_8));
                headers.add(BatchProof.HEADER, tree.proof(i).header().getBytes(StandardCharsets.UTF_8));
            }
        }
        return records;
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
        headers.remove(BatchProof.HEADER);
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
     *
     * <p>The headers are read in one pass and the payload parsed once (the tree it is parsed into also gives the
     * canonical form the hash is checked against): every consumer reads every event through here, and the
     * CloudEvents SDK's general reader, with a second parse for the hash, was a fifth of a rebuild's time.
     */
    public static ReceivedEvent read(Headers headers, byte[] value, Upcasters upcasters) {
        Envelope ce = Envelope.of(headers);
        String wireType = ce.required(ce.type, "type");
        if (value == null) {
            throw new InvalidEventException("event " + ce.id + " of type " + wireType + " has no payload");
        }
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(value);
        } catch (JacksonException e) {
            throw new InvalidEventException("payload of event " + ce.id + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidEventException("payload of event " + ce.id + " is not a JSON object");
        }
        Upcasters.Upcast upcast = upcasters.upcast(wireType, object);
        EventPayload payload;
        try {
            payload = EventJson.mapper().treeToValue(upcast.payload(), upcast.entry().payloadClass());
        } catch (JacksonException e) {
            throw new InvalidEventException("payload of event " + ce.id + " does not fit " + wireType + ": "
                    + e.getOriginalMessage(), e);
        }
        EventEnvelope envelope = new EventEnvelope(
                uuid(ce.required(ce.id, "id"), "id"),
                upcast.entry().type(),
                ce.required(ce.source, "source"),
                ce.required(ce.subject, "subject"),
                seq(ce.extension(ce.seq, SEQ)),
                date(ce.extension(ce.effectiveDate, EFFECTIVE_DATE)),
                RecordedTime.parse(ce.required(ce.time, "time")),
                ce.extension(ce.actingOrg, ACTING_ORG),
                ce.decisionNumber,
                uuid(ce.extension(ce.correlationId, CORRELATION_ID), CORRELATION_ID),
                optionalUuid(ce.causationId),
                ce.extension(ce.previousHash, PREVIOUS_HASH),
                ce.extension(ce.hash, HASH),
                payload);
        return new ReceivedEvent(envelope, wireType, new String(value, StandardCharsets.UTF_8), object);
    }

    /** The {@code ce_*} headers of one record, read in one pass; a header given twice counts by its last value. */
    private static final class Envelope {
        String specVersion;
        String id;
        String source;
        String type;
        String subject;
        String time;
        String seq;
        String effectiveDate;
        String actingOrg;
        String decisionNumber;
        String correlationId;
        String causationId;
        String previousHash;
        String hash;

        static Envelope of(Headers headers) {
            Envelope e = new Envelope();
            for (Header header : headers) {
                String key = header.key();
                if (!key.startsWith("ce_") || header.value() == null) {
                    continue;
                }
                String text = new String(header.value(), StandardCharsets.UTF_8);
                switch (key) {
                    case "ce_specversion" -> e.specVersion = text;
                    case "ce_id" -> e.id = text;
                    case "ce_source" -> e.source = text;
                    case "ce_type" -> e.type = text;
                    case "ce_subject" -> e.subject = text;
                    case "ce_time" -> e.time = text;
                    case "ce_" + SEQ -> e.seq = text;
                    case "ce_" + EFFECTIVE_DATE -> e.effectiveDate = text;
                    case "ce_" + ACTING_ORG -> e.actingOrg = text;
                    case "ce_" + DECISION_NUMBER -> e.decisionNumber = text;
                    case "ce_" + CORRELATION_ID -> e.correlationId = text;
                    case "ce_" + CAUSATION_ID -> e.causationId = text;
                    case "ce_" + PREVIOUS_HASH -> e.previousHash = text;
                    case "ce_" + HASH -> e.hash = text;
                    default -> {
                        // other CloudEvents attributes (dataschema) and extensions chibo does not read
                    }
                }
            }
            if (e.specVersion == null) {
                throw new InvalidEventException("not a CloudEvents Kafka record: it has no ce_specversion header");
            }
            if (!SPEC_VERSION.equals(e.specVersion)) {
                throw new InvalidEventException("not a CloudEvents 1.0 record: ce_specversion is '"
                        + e.specVersion + "'");
            }
            return e;
        }

        String required(String value, String attribute) {
            if (value == null || value.isEmpty()) {
                throw new InvalidEventException(id == null || "id".equals(attribute)
                        ? "the ce_" + attribute + " header is missing"
                        : "event " + id + " lacks the ce_" + attribute + " header");
            }
            return value;
        }

        String extension(String value, String name) {
            if (value == null) {
                throw new InvalidEventException("event " + id + " lacks the ce_" + name + " header");
            }
            return value;
        }
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

    /**
     * An event as read from Kafka: the (upcast) envelope, plus the wire type and payload exactly as received, which
     * the hash chain covers.
     */
    public static final class ReceivedEvent {
        private final EventEnvelope envelope;
        private final String wireType;
        private final String rawPayload;
        private final ObjectNode receivedTree;
        private String recomputedHash;

        ReceivedEvent(EventEnvelope envelope, String wireType, String rawPayload, ObjectNode receivedTree) {
            this.envelope = envelope;
            this.wireType = wireType;
            this.rawPayload = rawPayload;
            this.receivedTree = receivedTree;
        }

        public EventEnvelope envelope() {
            return envelope;
        }

        /** The type the record carried, before any upcasting. */
        public String wireType() {
            return wireType;
        }

        /** The payload exactly as received. */
        public String rawPayload() {
            return rawPayload;
        }

        /**
         * The hash the record's headers and payload as received seal to (the wire type, before any upcasting, and
         * the payload's canonical form, from the tree it was parsed into), in the time form its own hash was made
         * with, whatever hash the record carries.
         */
        public String recomputedHash() {
            if (recomputedHash == null) {
                recomputedHash = HashChain.recompute(asSent(), EventJson.canonical(receivedTree));
            }
            return recomputedHash;
        }

        /** Whether the hash carried in the headers matches the headers and the payload as received. */
        public boolean hashIsIntact() {
            return recomputedHash().equals(envelope.hash());
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
