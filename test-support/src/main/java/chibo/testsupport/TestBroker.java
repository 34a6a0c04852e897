package chibo.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * One real Kafka broker (KRaft, single node) for the whole test JVM, started on first use and stopped when the
 * JVM exits. Configured so that transactions and exactly-once processing work on a single node.
 */
public final class TestBroker {

    private static EmbeddedKafkaKraftBroker broker;

    private TestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
            started.brokerProperties(Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "share.coordinator.state.topic.replication.factor", "1",
                    "share.coordinator.state.topic.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "auto.create.topics.enable", "false"));
            started.afterPropertiesSet();
            LastShutdown.register("test-broker-shutdown", started::destroy);
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
