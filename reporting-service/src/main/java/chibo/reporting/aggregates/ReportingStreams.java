package chibo.reporting.aggregates;

import chibo.contracts.Topics;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Runs the reporting topology with {@code exactly_once_v2}. Refuses to start when its inputs are not
 * co-partitioned, since figures would then be wrong rather than late.
 */
@Component
public class ReportingStreams implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ReportingStreams.class);

    private final ReportingProperties properties;
    private final KafkaProperties kafka;
    private final MeterRegistry meters;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;

    ReportingStreams(ReportingProperties properties, KafkaProperties kafka, MeterRegistry meters) {
        this.properties = properties;
        this.kafka = kafka;
        this.meters = meters;
    }

    /** The internal and output topics of this projection version; Spring's KafkaAdmin creates them. */
    static KafkaAdmin.NewTopics topicsOf(ReportingTopics topics, TopicsProperties partitioning) {
        return new KafkaAdmin.NewTopics(
                TopicsAutoConfiguration.eventTopic(topics.orgDeltas(), partitioning),
                TopicBuilder.name(topics.orgCounts()).partitions(partitioning.partitions())
                        .replicas(partitioning.replicas()).compact().build(),
                TopicBuilder.name(topics.orgMonths()).partitions(partitioning.partitions())
                        .replicas(partitioning.replicas()).compact().build(),
                TopicsAutoConfiguration.eventTopic(topics.unitFacts(), partitioning),
                TopicsAutoConfiguration.eventTopic(topics.deadLetter(Topics.MEMBERSHIP), partitioning),
                TopicsAutoConfiguration.eventTopic(topics.deadLetter(Topics.MEETING), partitioning),
                TopicsAutoConfiguration.eventTopic(topics.deadLetter(Topics.ORGANIZATION), partitioning));
    }

    @Override
    public void start() {
        ReportingTopics topics = properties.topics();
        Properties config = new Properties();
        config.putAll(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        requireCoPartitioned(config, topics);
        TopologyEvents events = new MeteredTopologyEvents(meters);
        streams = new KafkaStreams(ReportingTopology.build(topics, events), config);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("reporting topology failed; replacing the stream thread", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        streams.start();
        log.info("reporting topology {} started", topics.applicationId());
    }

    private void requireCoPartitioned(Properties config, ReportingTopics topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(Topics.ORGANIZATION,
                    topics.orgDeltas())).allTopicNames().get();
            int organizations = described.get(Topics.ORGANIZATION).partitions().size();
            int deltas = described.get(topics.orgDeltas()).partitions().size();
            if (organizations != deltas) {
                throw new IllegalStateException(Topics.ORGANIZATION + " has " + organizations + " partitions but "
                        + topics.orgDeltas() + " has " + deltas + ": they must be co-partitioned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the reporting topics: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(30));
            metrics.close();
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }

    @Override
    public Health health() {
        KafkaStreams.State state = state();
        Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).withDetail("applicationId",
                properties.topics().applicationId()).build();
    }

    /** Topology events as Micrometer counters. */
    static final class MeteredTopologyEvents implements TopologyEvents {
        private final MeterRegistry meters;

        MeteredTopologyEvents(MeterRegistry meters) {
            this.meters = meters;
        }

        public void duplicate(String topic) {
            Counter.builder("chibo.projection.duplicates").tag("projection", "reporting").tag("topic", topic)
                    .register(meters).increment();
        }

        public void parked(String topic) {
            Counter.builder("chibo.projection.parked").tag("projection", "reporting").tag("topic", topic)
                    .register(meters).increment();
        }

        public void deadLettered(String topic, String reason) {
            log.warn("dead letter from {}: {}", topic, reason);
            Counter.builder("chibo.dead.letters").tag("consumer", "reporting").tag("topic", topic)
                    .register(meters).increment();
        }
    }
}
