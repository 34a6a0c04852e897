package chibo.reporting.aggregates;

import chibo.contracts.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumer lag of the reporting topology per input topic ({@code chibo.projection.lag}): records on the topic not
 * yet committed by the topology's application id, summed over partitions. Measured every 10 seconds.
 */
@Component
class ProjectionLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    static final Duration EVERY = Duration.ofSeconds(10);

    private final String applicationId;
    private final Admin admin;
    private final Map<String, Long> lag = new ConcurrentHashMap<>();
    private final ScheduledExecutorService measuring = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-lag");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionLag(ReportingProperties properties, KafkaProperties kafka, MeterRegistry meters) {
        this.applicationId = properties.topics().applicationId();
        this.admin = Admin.create(kafka.buildAdminProperties());
        for (String topic : Topics.ALL) {
            lag.put(topic, 0L);
            Gauge.builder("chibo.projection.lag", lag, values -> values.getOrDefault(topic, 0L))
                    .description("records on the input topic the reporting topology has not committed yet")
                    .tag("projection", "reporting").tag("topic", topic).register(meters);
        }
        measuring.scheduleWithFixedDelay(this::measure, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void measure() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.copyOf(Topics.ALL)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .forEach((topic, description) -> description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<String, Long> measured = new HashMap<>();
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                long behind = end.offset() - (done == null ? 0 : done.offset());
                measured.merge(partition.topic(), Math.max(0, behind), Long::sum);
            });
            lag.putAll(measured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("projection lag not measured: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        measuring.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
