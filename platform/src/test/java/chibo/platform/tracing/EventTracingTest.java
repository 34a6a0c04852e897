package chibo.platform.tracing;

import io.micrometer.tracing.Span;
import chibo.testsupport.RecordingTracer;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SAMPLED = "00-" + TRACE + "-00f067aa0ba902b7-01";
    private static final String NOT_SAMPLED = "00-" + TRACE + "-00f067aa0ba902b7-00";

    private final RecordingTracer recording = new RecordingTracer();
    private final EventTracing tracing = new EventTracing(recording.tracer, recording.propagator);

    @Test
    void the_context_in_scope_is_the_one_an_event_stores() {
        Span request = recording.tracer.nextSpan().name("POST /members/admissions").start();
        String stored;
        try (Tracer.SpanInScope ignored = recording.tracer.withSpan(request)) {
            stored = tracing.current();
        } finally {
            request.end();
        }

        assertThat(stored).isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        assertThat(tracing.current()).as("nothing in scope any more").isNull();
    }

    @Test
    void a_publication_is_a_producer_span_from_the_events_recording_to_the_brokers_acknowledgement() {
        Instant recorded = Instant.parse("2026-12-07T01:00:00.250Z");
        Instant acknowledged = Instant.parse("2026-12-07T01:00:00.900Z");

        EventTracing.Publication publication = tracing.publishing(SAMPLED, "party.membership.events",
                "member.admitted.v1", recorded);
        publication.end(acknowledged, null);

        SpanData span = recording.only("publish party.membership.events");
        assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(span.getTraceId()).isEqualTo(TRACE);
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.getStartEpochNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(recorded.toEpochMilli()));
        assertThat(span.getEndEpochNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(acknowledged.toEpochMilli()));
        assertThat(span.getAttributes().asMap().toString()).contains("member.admitted.v1");
        assertThat(publication.traceparent()).as("the record carries the publication's own context")
                .isEqualTo("00-" + TRACE + "-" + span.getSpanId() + "-01");
    }

    @Test
    void a_refused_record_ends_its_publication_as_an_error() {
        tracing.publishing(SAMPLED, "party.membership.events", "member.admitted.v1", Instant.now())
                .end(Instant.now(), new IllegalStateException("not leader"));

        assertThat(recording.only("publish party.membership.events").getStatus().getStatusCode().name())
                .isEqualTo("ERROR");
    }

    @Test
    void a_context_not_sampled_or_missing_travels_as_it_is_and_records_nothing() {
        assertThat(tracing.publishing(NOT_SAMPLED, "t", "x.v1", Instant.now()).traceparent()).isEqualTo(NOT_SAMPLED);
        assertThat(tracing.publishing(null, "t", "x.v1", Instant.now()).traceparent()).isNull();
        tracing.consuming("group", List.of(NOT_SAMPLED, "garbage", ""), record -> "t", record -> record, () -> { });

        assertThat(recording.ended).isEmpty();
    }

    @Test
    void each_record_of_a_sampled_trace_gets_a_consumer_span_around_the_polls_handling() {
        String other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        List<String> applied = new ArrayList<>();

        tracing.consuming("chibo-audit", List.of(SAMPLED, other, NOT_SAMPLED), record -> "party.membership.events",
                record -> record, () -> applied.add("poll"));

        assertThat(applied).containsExactly("poll");
        assertThat(recording.ended).hasSize(2).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getName()).isEqualTo("chibo-audit party.membership.events");
        });
        assertThat(recording.ended).extracting(SpanData::getTraceId)
                .containsExactlyInAnyOrder(TRACE, "0af7651916cd43dd8448eb211c80319c");
        assertThat(recording.ended).extracting(SpanData::getParentSpanId)
                .containsExactlyInAnyOrder("00f067aa0ba902b7", "b7ad6b7169203331");
    }

    @Test
    void a_poll_of_kafka_records_is_traced_by_their_headers_and_topics() {
        var traced = new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>("party.membership.events", 0,
                7L, "m-1", new byte[0]);
        traced.headers().add(EventTracing.HEADER, SAMPLED.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var untraced = new org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>("party.organization.events",
                0, 8L, "TQ", new byte[0]);
        List<String> applied = new ArrayList<>();

        tracing.consuming("membership-service-read-models", List.of(traced, untraced), () -> applied.add("poll"));

        assertThat(applied).containsExactly("poll");
        assertThat(recording.ended).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("membership-service-read-models party.membership.events");
            assertThat(span.getTraceId()).isEqualTo(TRACE);
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        });
    }

    @Test
    void a_poll_that_fails_still_records_its_spans_and_the_failure_reaches_the_container() {
        assertThatThrownBy(() -> tracing.consuming("group", List.of(SAMPLED), record -> "t", record -> record, () -> {
            throw new IllegalStateException("unreadable record");
        })).hasMessage("unreadable record");

        assertThat(recording.ended).singleElement().satisfies(span -> assertThat(span.getTraceId()).isEqualTo(TRACE));
    }

    @Test
    void switched_off_it_applies_the_poll_and_carries_what_was_stored() {
        List<String> applied = new ArrayList<>();
        EventTracing.OFF.consuming("group", List.of(SAMPLED), record -> "t", record -> record, () -> applied.add("x"));

        assertThat(applied).containsExactly("x");
        assertThat(EventTracing.OFF.current()).isNull();
        assertThat(EventTracing.OFF.publishing(SAMPLED, "t", "x.v1", Instant.now()).traceparent()).isEqualTo(SAMPLED);
    }

    @Test
    void only_a_well_formed_header_with_the_sampled_flag_counts_as_sampled() {
        assertThat(EventTracing.sampled(SAMPLED)).isTrue();
        assertThat(EventTracing.sampled(SAMPLED.substring(0, 53) + "03")).isTrue();
        assertThat(EventTracing.sampled(NOT_SAMPLED)).isFalse();
        assertThat(EventTracing.sampled(SAMPLED.substring(1))).isFalse();
        assertThat(EventTracing.sampled(SAMPLED.replace("00-", "00_"))).isFalse();
        assertThat(EventTracing.sampled(null)).isFalse();
    }
}
