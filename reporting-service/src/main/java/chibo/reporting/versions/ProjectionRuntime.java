package chibo.reporting.versions;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.reporting.topology.OnePassBuild;
import chibo.reporting.topology.ReportingTopics;
import chibo.reporting.topology.ReportingTopology;
import chibo.reporting.topology.TopologyEvents;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One projection version running: its exactly-once topology (application id {@code chibo-reporting-<v>}) and the
 * two read-committed consumers that materialise its figures to MongoDB. The live version and a rebuild each have
 * one; they share nothing but the input topics.
 */
final class ProjectionRuntime {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRuntime.class);

    private final ReportingTopics topics;
    private final FiguresSink sink;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> sinks;
    private final Duration commitInterval;
    private final RestoringStores restoring;
    /** Runs a one-pass build before the topology starts; null when the topology started at once. */
    private final Thread building;
    /** What the one-pass build did, once it has. */
    private final AtomicReference<OnePassBuild.Outcome> onePass;

    private ProjectionRuntime(ReportingTopics topics, FiguresSink sink, KafkaStreams streams,
                              KafkaStreamsMetrics metrics,
                              List<ConcurrentMessageListenerContainer<String, byte[]>> sinks,
                              Duration commitInterval, RestoringStores restoring, Thread building,
                              AtomicReference<OnePassBuild.Outcome> onePass) {
        this.building = building;
        this.onePass = onePass;
        this.commitInterval = commitInterval;
        this.restoring = restoring;
        this.topics = topics;
        this.sink = sink;
        this.streams = streams;
        this.metrics = metrics;
        this.sinks = sinks;
    }

    /**
     * Starts the version's topology and sinks; its topics must exist.
     *
     * @param firstBuild for a version being built: run on a thread of its own before the topology starts (a one-pass
     *                   build, {@link OnePassBuild}); null to start the topology at once
     */
    static ProjectionRuntime start(ReportingTopics topics, ReportingProperties properties, Duration commitInterval,
                                   KafkaProperties kafka, MongoDatabase database, MeterRegistry meters,
                                   TopologyEvents events, TrustedSigners signers, CountsWritten written,
                                   Supplier<OnePassBuild.Outcome> firstBuild) {
        Properties config = new Properties();
        config.putAll(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        requireCoPartitioned(kafka.buildAdminProperties(), topics);
        KafkaStreams streams = new KafkaStreams(ReportingTopology.build(topics, events, signers), config);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("reporting topology {} failed; replacing the stream thread", topics.applicationId(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        RestoringStores restoring = new RestoringStores();
        streams.setGlobalStateRestoreListener(restoring);
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        FiguresSink sink = new FiguresSink(database, topics.version(), written);
        List<ConcurrentMessageListenerContainer<String, byte[]>> sinks = List.of(
                container(kafka, topics.orgCounts(), topics.countsSinkGroup(), sink::writeCounts),
                container(kafka, topics.orgMonths(), topics.monthsSinkGroup(), sink::writeMonths),
                container(kafka, topics.unitCoverage(), topics.unitsSinkGroup(),
                        new UnitsSink(database, topics.version())::writeUnits));
        sinks.forEach(ConcurrentMessageListenerContainer::start);
        Thread building = null;
        AtomicReference<OnePassBuild.Outcome> onePass = new AtomicReference<>();
        if (firstBuild == null) {
            streams.start();
            log.info("reporting topology {} started", topics.applicationId());
        } else {
            // a background thread by its name (chibo.background.threads): queries come first
            building = new Thread(() -> buildThenStart(topics, () -> onePass.set(firstBuild.get()), streams),
                    topics.applicationId() + "-one-pass");
            building.setDaemon(true);
            building.start();
        }
        return new ProjectionRuntime(topics, sink, streams, metrics, sinks, commitInterval, restoring, building,
                onePass);
    }

    /** Runs the first build, then the topology: from where the build left it, or from offset zero without it. */
    private static void buildThenStart(ReportingTopics topics, Runnable firstBuild, KafkaStreams streams) {
        try {
            firstBuild.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            // a register too large for this heap: what the fold held is garbage once it has unwound
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            log.warn("one-pass build of {} failed; the topology builds it from where the committed offsets say",
                    topics.applicationId(), e);
        }
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        synchronized (streams) {
            if (streams.state() == KafkaStreams.State.CREATED) {
                streams.start();
                log.info("reporting topology {} started", topics.applicationId());
            }
        }
    }

    // a container made here, not a binding: a version's sinks start and stop with it, on topics named by the version
    private static ConcurrentMessageListenerContainer<String, byte[]> container(
            KafkaProperties kafka, String topic, String group, Consumer<List<ConsumerRecord<String, byte[]>>> write) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ContainerProperties container = new ContainerProperties(topic);
        container.setGroupId(group);
        container.setMessageListener((BatchMessageListener<String, byte[]>) write::accept);
        ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()),
                container);
        listener.setBeanName(group);
        return listener;
    }

    /** Topics just created may take a moment to be known to every broker. */
    private static final Duration TOPICS_KNOWN_WITHIN = Duration.ofSeconds(30);

    /** Checked with the service's own admin settings (its bootstrap servers and credentials). */
    private static void requireCoPartitioned(Map<String, Object> adminConfig, ReportingTopics topics) {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<String, TopicDescription> described = describe(admin, List.of(Topics.ORGANIZATION,
                    topics.orgDeltas()));
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

    private static Map<String, TopicDescription> describe(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TOPICS_KNOWN_WITHIN.toNanos();
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    ReportingTopics topics() {
        return topics;
    }

    FiguresSink sink() {
        return sink;
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    /** The state stores being restored on this instance. */
    RestoringStores restoring() {
        return restoring;
    }

    /** What the one-pass build did here, once it has; null before, or when none runs. */
    OnePassBuild.Outcome onePass() {
        return onePass.get();
    }

    /** How often this runtime's topology commits. */
    Duration commitInterval() {
        return commitInterval;
    }

    void stop() {
        if (building != null && building.isAlive()) {
            building.interrupt();
            try {
                building.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sinks.forEach(ConcurrentMessageListenerContainer::stop);
        synchronized (streams) {
            streams.close(Duration.ofSeconds(30));
        }
        metrics.close();
        log.info("reporting topology {} stopped", topics.applicationId());
    }

    /** Stops and removes the topology's local state (a dropped version). */
    void stopAndCleanUp() {
        stop();
        streams.cleanUp();
    }
}
