package chibo.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Carries a decision's W3C trace context (<a href="https://www.w3.org/TR/trace-context/">Trace Context</a>) from the
 * REST call that made it, through the outbox, onto its Kafka record ({@value #HEADER} header) and into each consumer
 * that applies it, so that one trace shows the request, the event's publication and every service's handling of it.
 *
 * <p>An event stores the {@code traceparent} of the request that appended it. The relay publishes it inside a
 * producer span that starts when the event was recorded and ends when the broker acknowledged it (the time the event
 * waited in the outbox), and the record carries that span's context. A consumer records, for each record of a
 * sampled trace, a consumer span from when it began to apply the poll to when it had applied it. Contexts of traces
 * not sampled travel unchanged and cost nothing more. The header is observability metadata: no signature covers it,
 * and nothing chibo decides reads it.
 */
public final class EventTracing {

    /** The W3C Trace Context header, on requests and on Kafka records. */
    public static final String HEADER = "traceparent";

    /** No tracer on the class path or switched off ({@code management.tracing.enabled=false}). */
    public static final EventTracing OFF = new EventTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer == Tracer.NOOP ? null : tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the span in scope on this thread, or null without one. */
    public String current() {
        if (tracer == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        return context == null ? null : traceparent(context);
    }

    /**
     * Starts the span of an event's publication, a child of the context the event was stored with, from the time the
     * event was recorded. Without a sampled context there is nothing to record: the stored context travels on as it
     * is.
     */
    public Publication publishing(String stored, String topic, String eventType, Instant recordedAt) {
        if (tracer == null || !sampled(stored)) {
            return new Publication(null, stored);
        }
        Span span = childOf(stored, Span.Kind.PRODUCER, "publish " + topic, topic, recordedAt)
                .tag("chibo.event.type", eventType)
                .start();
        return new Publication(span, traceparent(span.context()));
    }

    /** An event's publication: the context its record carries, and the span to end once the broker has it. */
    public static final class Publication {

        private final Span span;
        private final String traceparent;

        private Publication(Span span, String traceparent) {
            this.span = span;
            this.traceparent = traceparent;
        }

        /** The {@code traceparent} the record carries; null when the event was stored without one. */
        public String traceparent() {
            return traceparent;
        }

        /** The broker acknowledged the record ({@code failure} null) or refused it. */
        public void end(Instant at, Throwable failure) {
            if (span == null) {
                return;
            }
            if (failure != null) {
                span.error(failure);
            }
            span.end(micros(at), TimeUnit.MICROSECONDS);
        }
    }

    /**
     * Applies a poll's records ({@code apply}) and records, for each record of a sampled trace, a consumer span named
     * for {@code consumer} and the record's topic, a child of the context the record carried, from when applying the
     * poll began to when it ended (failed or not).
     *
     * @param traceparentOf the record's {@value #HEADER} header, or null
     */
    public <R> void consuming(String consumer, List<R> records, Function<R, String> topicOf,
                              Function<R, String> traceparentOf, Runnable apply) {
        if (tracer == null) {
            apply.run();
            return;
        }
        Instant started = Instant.now();
        try {
            apply.run();
        } finally {
            Instant finished = Instant.now();
            for (R record : records) {
                String traceparent = traceparentOf.apply(record);
                if (sampled(traceparent)) {
                    String topic = topicOf.apply(record);
                    childOf(traceparent, Span.Kind.CONSUMER, consumer + " " + topic, topic, started)
                            .tag("messaging.consumer.group.name", consumer)
                            .start()
                            .end(micros(finished), TimeUnit.MICROSECONDS);
                }
            }
        }
    }

    /** {@link #consuming(String, List, Function, Function, Runnable)} for a poll of Kafka records. */
    public <K, V> void consuming(String consumer, List<ConsumerRecord<K, V>> records, Runnable apply) {
        consuming(consumer, records, ConsumerRecord::topic, record -> traceparent(record.headers()), apply);
    }

    /** A span of a messaging step on Kafka, a child of the context a record carried, from {@code start}. */
    private Span.Builder childOf(String traceparent, Span.Kind kind, String name, String topic, Instant start) {
        return propagator.extract(Map.of(HEADER, traceparent), Map::get)
                .kind(kind)
                .name(name)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .startTimestamp(micros(start), TimeUnit.MICROSECONDS);
    }

    /** The {@value #HEADER} header of a Kafka record, or null. */
    public static String traceparent(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** The {@value #HEADER} header of a message's headers as Spring maps them (bytes or text), or null. */
    public static String traceparent(Map<String, Object> headers) {
        Object value = headers.get(HEADER);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.US_ASCII)
                : value == null ? null : value.toString();
    }

    private String traceparent(TraceContext context) {
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** A well-formed {@code traceparent} whose flags ask for the trace to be recorded. */
    static boolean sampled(String traceparent) {
        return traceparent != null && traceparent.length() == 55 && traceparent.charAt(2) == '-'
                && (Character.digit(traceparent.charAt(54), 16) & 1) == 1;
    }

    private static long micros(Instant at) {
        return TimeUnit.SECONDS.toMicros(at.getEpochSecond()) + at.getNano() / 1_000;
    }
}
