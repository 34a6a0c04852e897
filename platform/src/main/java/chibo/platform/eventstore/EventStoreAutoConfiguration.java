package chibo.platform.eventstore;

import chibo.contracts.EventSigner;
import chibo.platform.integrity.EventIntegrityAutoConfiguration;
import chibo.platform.tracing.EventTracing;
import chibo.platform.tracing.EventTracingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The event store and its relay, for a service that records events: set {@code chibo.event-store.source}.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class,
        EventIntegrityAutoConfiguration.class, EventTracingAutoConfiguration.class})
@ConditionalOnProperty("chibo.event-store.source")
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    @Bean
    EventStore eventStore(MongoTemplate mongo, EventStoreProperties properties, Clock clock, MeterRegistry meters,
                          ObjectProvider<EventTracing> tracing) {
        EventStore store = new EventStore(mongo.getDb(), properties.topics(), properties.source(), clock, meters);
        store.traceWith(tracing.getIfAvailable(() -> EventTracing.OFF));
        store.ensureIndexes();
        return store;
    }

    @Bean
    OutboxRelay outboxRelay(EventStore store, KafkaProperties kafka, EventStoreProperties properties, Clock clock,
                            MeterRegistry meters, ObjectProvider<EventSigner> signer) {
        EventSigner key = signer.getIfAvailable(() -> {
            throw new IllegalStateException("a service that publishes events signs them: set"
                    + " chibo.event-integrity.signing.key-id and private-key or private-key-file"
                    + " (docs/event-integrity.md)");
        });
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + properties.source().replace('/', '-'));
        Producer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer());
        new KafkaClientMetrics(producer).bindTo(meters);
        return new OutboxRelay(store, producer, properties, clock, meters, key);
    }
}
