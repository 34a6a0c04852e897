package chibo.platform.eventstore;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import chibo.contracts.Topics;
import chibo.platform.tracing.EventTracing;
import chibo.testsupport.RecordingTracer;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestEventKeys;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayTest {

    private MongoDatabase database;
    private EventStore store;
    private OutboxRelay relay;

    @BeforeAll
    static void topics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.MEMBERSHIP, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @BeforeEach
    void fresh() {
        database = Fixtures.freshDatabase();
        store = Fixtures.store(database);
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    private OutboxRelay startRelay() {
        relay = relayOn(store, new SimpleMeterRegistry());
        relay.start();
        return relay;
    }

    /** A relay for one instance's store; its sweeps take over only what is half a minute old. */
    private static OutboxRelay relayOn(EventStore instanceStore, MeterRegistry meters) {
        return new OutboxRelay(instanceStore, new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()),
                new EventStoreProperties("/chibo/test", List.of(Topics.MEMBERSHIP), 50, Duration.ofMinutes(5), Duration.ofSeconds(30)),
                Clock.systemUTC(), meters, TestEventKeys.MEMBERSHIP.signer());
    }

    @Test
    void an_event_waits_for_the_earlier_event_of_its_subject_that_another_instance_stored_and_each_is_sent_once() {
        // two instances of the service on one database, each relaying the events it stores
        EventStore otherInstance = Fixtures.store(database);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        relay = relayOn(store, meters);
        relay.start();
        String member = "m-" + UUID.randomUUID();
        EventEnvelope first = otherInstance.append(member, 0, HashChain.GENESIS, List.of(Fixtures.rated(member, 61)))
                .getFirst();
        EventEnvelope second = store.append(member, 1, first.hash(), List.of(Fixtures.rated(member, 62))).getFirst();
        // this instance has dealt with the second event (sent it, or held it back) before the other relays the first
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("chibo.outbox.held").counter() != null
                && meters.find("chibo.outbox.held").counter().count() >= 1
                || store.find(Topics.MEMBERSHIP, member, 2).isPresent() && publishedFlag(member, 2));

        OutboxRelay otherRelay = relayOn(otherInstance, new SimpleMeterRegistry());
        otherRelay.start();
        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEMBERSHIP)) {
            List<CloudEventsKafka.ReceivedEvent> received = probe.awaitEvents(member, 2, Duration.ofSeconds(30));
            assertThat(received).extracting(r -> r.envelope().seq()).containsExactly(1L, 2L);
            assertThat(received).extracting(CloudEventsKafka.ReceivedEvent::envelope).containsExactly(first, second);
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0 && otherRelay.pending() == 0);
            assertThat(probe.awaitEvents(member, 2, Duration.ofSeconds(2))).as("neither relay sent an event twice")
                    .hasSize(2);
        } finally {
            otherRelay.stop();
        }
    }

    @Test
    void an_earlier_event_left_by_an_instance_that_died_is_swept_and_sent_before_the_later_one() {
        EventStore deadInstance = Fixtures.store(database);
        relay = relayOn(store, new SimpleMeterRegistry());
        relay.start();
        String member = "m-" + UUID.randomUUID();
        EventEnvelope left = deadInstance.append(member, 0, HashChain.GENESIS, List.of(Fixtures.exempted(member)))
                .getFirst();
        store.append(member, 1, left.hash(), List.of(Fixtures.rated(member, 70)));

        assertThat(relay.sweep(Duration.ZERO)).isEqualTo(1);

        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEMBERSHIP)) {
            assertThat(probe.awaitEvents(member, 2, Duration.ofSeconds(30))).extracting(r -> r.envelope().seq())
                    .containsExactly(1L, 2L);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0);
        assertThat(store.unpublished(java.time.Instant.now().plusSeconds(1))).isEmpty();
    }

    private boolean publishedFlag(String member, long seq) {
        org.bson.Document document = database.getCollection("party_membership_events")
                .find(Filters.eq("_id", EventEnvelope.storageId(member, seq))).first();
        return document != null && document.getBoolean("published", false);
    }

    @Test
    void appended_events_reach_the_topic_in_seq_order_and_are_marked_published() {
        startRelay();
        String member = "m-" + UUID.randomUUID();
        String previous = HashChain.GENESIS;
        for (int seq = 0; seq < 20; seq++) {
            previous = store.append(member, seq, previous, List.of(Fixtures.rated(member, 50 + seq))).getLast()
                    .hash();
        }

        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEMBERSHIP)) {
            List<CloudEventsKafka.ReceivedEvent> received = probe.awaitEvents(member, 20, Duration.ofSeconds(30));
            assertThat(received).extracting(r -> r.envelope().seq())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(received).allSatisfy(r -> assertThat(r.hashIsIntact()).isTrue());
            assertThat(received.stream().map(CloudEventsKafka.ReceivedEvent::envelope).toList())
                    .isEqualTo(store.readFrom(Topics.MEMBERSHIP, member, 1));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(database.getCollection("party_membership_events").countDocuments(Filters.eq("published", false)))
                        .isZero());
    }

    @Test
    void events_a_previous_run_left_unpublished_are_published_at_start_up() {
        String member = "m-" + UUID.randomUUID();
        EventEnvelope left = store.append(member, 0, HashChain.GENESIS, List.of(Fixtures.exempted(member)))
                .getFirst();

        startRelay();

        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEMBERSHIP)) {
            assertThat(probe.awaitEvents(member, 1, Duration.ofSeconds(30)))
                    .singleElement().satisfies(r -> assertThat(r.envelope()).isEqualTo(left));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0);
        assertThat(store.unpublished(java.time.Instant.now().plusSeconds(1))).isEmpty();
    }

    @Test
    void a_sweep_does_not_queue_an_event_twice() {
        String member = "m-" + UUID.randomUUID();
        store.append(member, 0, HashChain.GENESIS, List.of(Fixtures.exempted(member)));
        relay = new OutboxRelay(store, new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer()),
                new EventStoreProperties("/chibo/test", List.of(Topics.MEMBERSHIP), 50, Duration.ofMinutes(5), Duration.ZERO),
                Clock.systemUTC(), new SimpleMeterRegistry(), TestEventKeys.MEMBERSHIP.signer());

        assertThat(relay.sweep(Duration.ZERO)).isEqualTo(1);
        assertThat(relay.sweep(Duration.ZERO)).isZero();
        assertThat(relay.pending()).isEqualTo(1);
    }

    @Test
    void a_record_carries_the_trace_of_the_request_that_stored_its_event_inside_a_publication_span() {
        RecordingTracer recording = new RecordingTracer();
        store.traceWith(new EventTracing(recording.tracer, recording.propagator));
        startRelay();
        String member = "m-" + UUID.randomUUID();
        io.micrometer.tracing.Span request = recording.tracer.nextSpan().name("POST /members/admissions").start();
        try (var ignored = recording.tracer.withSpan(request)) {
            store.append(member, 0, HashChain.GENESIS, List.of(Fixtures.exempted(member)));
        } finally {
            request.end();
        }
        String untraced = "m-" + UUID.randomUUID();
        store.append(untraced, 0, HashChain.GENESIS, List.of(Fixtures.exempted(untraced)));

        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEMBERSHIP)) {
            var record = probe.awaitKey(member, records -> !records.isEmpty(), Duration.ofSeconds(30)).getFirst();
            await().atMost(Duration.ofSeconds(10)).until(() -> recording.ended.size() == 2);
            var publication = recording.only("publish " + Topics.MEMBERSHIP);
            assertThat(publication.getTraceId()).isEqualTo(request.context().traceId());
            assertThat(publication.getParentSpanId()).isEqualTo(request.context().spanId());
            assertThat(EventTracing.traceparent(record.headers()))
                    .isEqualTo("00-" + request.context().traceId() + "-" + publication.getSpanId() + "-01");
            assertThat(EventTracing.traceparent(probe.awaitKey(untraced, records -> !records.isEmpty(),
                    Duration.ofSeconds(30)).getFirst().headers())).as("an event stored outside any trace").isNull();
        }
    }

    @Test
    void an_event_swept_after_its_instance_died_still_carries_the_trace_it_was_stored_with() {
        RecordingTracer recording = new RecordingTracer();
        EventStore deadInstance = Fixtures.store(database);
        deadInstance.traceWith(new EventTracing(recording.tracer, recording.propagator));
        String member = "m-" + UUID.randomUUID();
        io.micrometer.tracing.Span request = recording.tracer.nextSpan().name("POST /members/admissions").start();
        try (var ignored = recording.tracer.withSpan(request)) {
            deadInstance.append(member, 0, HashChain.GENESIS, List.of(Fixtures.exempted(member)));
        } finally {
            request.end();
        }
        relay = relayOn(store, new SimpleMeterRegistry());

        assertThat(relay.sweep(Duration.ZERO)).isEqualTo(1);
        relay.start();

        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEMBERSHIP)) {
            var record = probe.awaitKey(member, records -> !records.isEmpty(), Duration.ofSeconds(30)).getFirst();
            assertThat(EventTracing.traceparent(record.headers())).as("this instance records no spans; the context"
                    + " stored travels on").isEqualTo(
                    "00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        }
    }
}
