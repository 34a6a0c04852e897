package chibo.platform.eventstore;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import chibo.contracts.Topics;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestEventKeys;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
        relay = new OutboxRelay(store, new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()),
                new EventStoreProperties("/chibo/test", List.of(Topics.MEMBERSHIP), 50, Duration.ofMinutes(5), Duration.ofSeconds(30)),
                Clock.systemUTC(), new SimpleMeterRegistry(), TestEventKeys.MEMBERSHIP.signer());
        relay.start();
        return relay;
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
}
