package chibo.platform.kafka;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.organization.OrganizationMoved;
import chibo.platform.tracing.EventTracing;
import chibo.testsupport.EventChains;
import chibo.testsupport.RecordingTracer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventMessagesTest {

    @Test
    void cloudevents_headers_come_back_under_their_kafka_names_whatever_spring_renamed_them_to() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.put("ce-type", "member.admitted.v1".getBytes(StandardCharsets.UTF_8));
        headers.put("content-type", "application/json");
        headers.put("kafka_offset", 7L);

        var kafka = EventMessages.kafkaHeaders(headers);

        assertThat(new String(kafka.lastHeader("ce_id").value())).isEqualTo("e-1");
        assertThat(new String(kafka.lastHeader("ce_type").value())).isEqualTo("member.admitted.v1");
        assertThat(new String(kafka.lastHeader("content-type").value())).isEqualTo("application/json");
        assertThat(kafka.lastHeader("kafka_offset")).isNull();
    }

    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final RecordingTracer recording = new RecordingTracer();
    private final EventTracing tracing = new EventTracing(recording.tracer, recording.propagator);
    private final EventChains chains = new EventChains("/chibo/membership-service");

    /** The record's headers as the binder hands them over: by name, their bytes. */
    private static Map<String, Object> bound(ProducerRecord<String, byte[]> record, String traceparent) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        if (traceparent != null) {
            headers.put(EventTracing.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return headers;
    }

    @Test
    void a_bound_poll_of_two_topics_is_read_in_order_and_each_traced_record_is_spanned_under_its_own_topic() {
        EventEnvelope moved = chains.next("TQ-" + System.nanoTime(), LocalDate.of(2026, 3, 1), "TQ",
                new OrganizationMoved("HN", "HCM"));
        EventEnvelope died = chains.next("m-" + System.nanoTime(), LocalDate.of(2026, 3, 2), "TQ",
                new MemberDeceased(""));
        var movedRecord = CloudEventsKafka.toRecord(moved);
        var diedRecord = CloudEventsKafka.toRecord(died);
        Message<List<byte[]>> poll = MessageBuilder.withPayload(List.of(movedRecord.value(), diedRecord.value()))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(bound(movedRecord, null),
                        bound(diedRecord, SAMPLED)))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of(movedRecord.topic(), diedRecord.topic()))
                .build();
        List<List<UUID>> applied = new ArrayList<>();

        EventMessages.handleBatch(tracing, "membership-service-read-models", poll,
                (headers, value) -> CloudEventsKafka.read(headers, value).envelope(),
                events -> applied.add(events.stream().map(EventEnvelope::id).toList()),
                event -> applied.add(List.of(event.id())));

        assertThat(applied).containsExactly(List.of(moved.id(), died.id()));
        assertThat(recording.ended).singleElement().satisfies(span -> assertThat(span.getName())
                .isEqualTo("membership-service-read-models " + diedRecord.topic()));
    }

    @Test
    void a_bound_record_is_applied_with_its_kafka_headers_and_spanned_under_its_topic() {
        EventEnvelope moved = chains.next("TQ-" + System.nanoTime(), LocalDate.of(2026, 3, 1), "TQ",
                new OrganizationMoved("HN", "HCM"));
        var record = CloudEventsKafka.toRecord(moved);
        Message<byte[]> message = MessageBuilder.withPayload(record.value())
                .copyHeaders(bound(record, SAMPLED))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic())
                .build();
        List<UUID> applied = new ArrayList<>();

        EventMessages.handle(tracing, "meeting-service-organizations", message,
                (headers, value) -> applied.add(CloudEventsKafka.read(headers, value).envelope().id()));

        assertThat(applied).containsExactly(moved.id());
        assertThat(recording.ended).singleElement().satisfies(span -> assertThat(span.getName())
                .isEqualTo("meeting-service-organizations " + record.topic()));
    }
}
