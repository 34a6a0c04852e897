package chibo.contracts;

import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.RatingLevel;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventsKafkaTest {

    static List<EventPayload> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_event_type_survives_the_round_trip_through_a_kafka_record(EventPayload payload) {
        EventEnvelope sent = SampleEvents.sealed("subject-1", 3, "ab".repeat(32), payload);

        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(sent);
        CloudEventsKafka.ReceivedEvent received = CloudEventsKafka.read(record.headers(), record.value());

        assertThat(received.envelope()).isEqualTo(sent);
        assertThat(received.hashIsIntact()).isTrue();
        assertThat(record.topic()).isEqualTo(EventCatalog.topicOf(payload));
        assertThat(record.key()).isEqualTo("subject-1");
    }

    @Test
    void the_envelope_travels_as_ce_headers_and_the_payload_as_a_json_body() {
        EventEnvelope sent = SampleEvents.sealed("m-7", 1, HashChain.GENESIS,
                new MemberRated(2025, RatingLevel.GOOD, 81));

        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(sent);
        Map<String, String> headers = text(record.headers());

        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "member.rated.v1")
                .containsEntry("ce_id", sent.id().toString())
                .containsEntry("ce_subject", "m-7")
                .containsEntry("ce_source", "/chibo/test")
                .containsEntry("ce_seq", "1")
                .containsEntry("ce_effectivedate", "2025-03-10")
                .containsEntry("ce_actingorg", "TQ-CH-XA-1")
                .containsEntry("ce_decisionnumber", "12-QĐ/ĐU")
                .containsEntry("ce_prevhash", HashChain.GENESIS)
                .containsEntry("ce_hash", sent.hash())
                .containsEntry("ce_dataschema", "urn:chibo:schema:member.rated.v1")
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time")
                .doesNotContainKey("ce_causationid");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"level\":\"GOOD\",\"points\":81,\"year\":2025}");
    }

    @Test
    void an_unknown_type_is_rejected_with_its_name() {
        ProducerRecord<String, byte[]> record = recordOfSample();
        replace(record.headers(), "ce_type", "member.teleported.v1");

        assertThatThrownBy(() -> CloudEventsKafka.read(record.headers(), record.value()))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("unknown event type 'member.teleported.v1'");
    }

    @Test
    void a_record_without_cloudevents_headers_is_rejected() {
        assertThatThrownBy(() -> CloudEventsKafka.read(new RecordHeaders(), "{}".getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not a CloudEvents Kafka record");
    }

    @Test
    void a_record_of_another_cloudevents_version_is_rejected() {
        ProducerRecord<String, byte[]> record = recordOfSample();
        replace(record.headers(), "ce_specversion", "0.3");

        assertThatThrownBy(() -> CloudEventsKafka.read(record.headers(), record.value()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_specversion is '0.3'");
    }

    @Test
    void a_missing_subject_or_time_is_named() {
        ProducerRecord<String, byte[]> withoutSubject = recordOfSample();
        withoutSubject.headers().remove("ce_subject");
        ProducerRecord<String, byte[]> withBadTime = recordOfSample();
        replace(withBadTime.headers(), "ce_time", "06/12/2026 10:30");

        assertThatThrownBy(() -> CloudEventsKafka.read(withoutSubject.headers(), withoutSubject.value()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_subject");
        assertThatThrownBy(() -> CloudEventsKafka.read(withBadTime.headers(), withBadTime.value()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_time '06/12/2026 10:30'");
    }

    @Test
    void a_record_without_a_payload_is_rejected() {
        ProducerRecord<String, byte[]> record = recordOfSample();

        assertThatThrownBy(() -> CloudEventsKafka.read(record.headers(), null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("has no payload");
    }

    @Test
    void the_recomputed_hash_is_that_of_the_payload_as_received_not_as_upcast() {
        ProducerRecord<String, byte[]> record = recordOfSample();
        byte[] reordered = "{\"points\":81,\"year\":2025,\"level\":\"GOOD\"}".getBytes();

        CloudEventsKafka.ReceivedEvent received = CloudEventsKafka.read(record.headers(), reordered);

        assertThat(received.recomputedHash()).isEqualTo(received.envelope().hash());
        assertThat(received.rawPayload()).isEqualTo("{\"points\":81,\"year\":2025,\"level\":\"GOOD\"}");
    }

    @Test
    void a_missing_extension_is_named() {
        ProducerRecord<String, byte[]> record = recordOfSample();
        record.headers().remove("ce_seq");

        assertThatThrownBy(() -> CloudEventsKafka.read(record.headers(), record.value()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_seq");
    }

    @Test
    void a_payload_that_is_not_json_is_rejected() {
        ProducerRecord<String, byte[]> record = recordOfSample();

        assertThatThrownBy(() -> CloudEventsKafka.read(record.headers(), "not json".getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("is not JSON");
    }

    @Test
    void a_payload_of_the_wrong_shape_is_rejected() {
        ProducerRecord<String, byte[]> record = recordOfSample();

        assertThatThrownBy(() -> CloudEventsKafka.read(record.headers(), "{\"year\":\"soon\"}".getBytes()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("does not fit member.rated.v1");
    }

    @Test
    void a_changed_payload_no_longer_matches_the_hash_it_carries() {
        ProducerRecord<String, byte[]> record = recordOfSample();
        byte[] altered = "{\"level\":\"EXCELLENT\",\"points\":99,\"year\":2025}".getBytes();

        assertThat(CloudEventsKafka.read(record.headers(), record.value()).hashIsIntact()).isTrue();
        assertThat(CloudEventsKafka.read(record.headers(), altered).hashIsIntact()).isFalse();
    }

    @Test
    void whitespace_and_key_order_do_not_change_the_hash() {
        ProducerRecord<String, byte[]> record = recordOfSample();
        byte[] reformatted = "{ \"year\": 2025,\n \"points\": 81, \"level\": \"GOOD\" }".getBytes();

        assertThat(CloudEventsKafka.read(record.headers(), reformatted).hashIsIntact()).isTrue();
    }

    @Test
    void an_old_type_is_read_through_its_upcaster_chain() {
        ProducerRecord<String, byte[]> record = recordOfSample();
        replace(record.headers(), "ce_type", "member.rated.v0");
        byte[] oldPayload = "{\"ratingYear\":2024,\"result\":\"GOOD\",\"score\":75}".getBytes();
        Upcaster v0ToV1 = new Upcaster() {
            public String fromType() {
                return "member.rated.v0";
            }

            public String toType() {
                return "member.rated.v1";
            }

            public ObjectNode upcast(ObjectNode old) {
                return EventJson.mapper().createObjectNode()
                        .put("year", old.get("ratingYear").asInt())
                        .put("level", old.get("result").asString())
                        .put("points", old.get("score").asInt());
            }
        };

        CloudEventsKafka.ReceivedEvent received =
                CloudEventsKafka.read(record.headers(), oldPayload, new Upcasters(List.of(v0ToV1)));

        assertThat(received.envelope().type()).isEqualTo("member.rated.v1");
        assertThat(received.envelope().payload()).isEqualTo(new MemberRated(2024, RatingLevel.GOOD, 75));
        assertThat(received.wireType()).isEqualTo("member.rated.v0");
    }

    private static ProducerRecord<String, byte[]> recordOfSample() {
        return CloudEventsKafka.toRecord(SampleEvents.sealed("m-7", 1, HashChain.GENESIS,
                new MemberRated(2025, RatingLevel.GOOD, 81)));
    }

    private static void replace(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> text(Headers headers) {
        return StreamSupport.stream(headers.spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
    }

    @Test
    void admission_payload_lists_are_never_null() {
        MemberAdmitted admitted = new MemberAdmitted(SampleEvents.PERSON, "c", null, SampleEvents.VOTE, null, true,
                null);
        assertThat(admitted.introducers()).isEmpty();
    }
}
