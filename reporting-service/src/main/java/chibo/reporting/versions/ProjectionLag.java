package chibo.reporting.versions;

import chibo.contracts.Topics;
import chibo.reporting.topology.ReportingTopics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Consumer lag of the live reporting topology per input topic ({@code chibo.projection.lag}): records on the topic
 * not yet committed by the live version's application id, summed over partitions. Measured every 5 seconds.
 */
@Component
class ProjectionLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    static final Duration EVERY = Duration.ofSeconds(5);

    private final Projections projections;
    private final Map<String, Long> lag = new ConcurrentHashMap<>();
    private volatile Measured measured = new Measured(0, null);
    private final ScheduledExecutorService measuring = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-lag");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionLag(Projections projections, MeterRegistry meters) {
        this.projections = projections;
        for (String topic : Topics.ALL) {
            lag.put(topic, 0L);
            Gauge.builder("chibo.projection.lag", lag, values -> values.getOrDefault(topic, 0L))
                    .description("records on the input topic the live reporting topology has not committed yet")
                    .tag("projection", "reporting").tag("topic", topic).register(meters);
        }
        measuring.scheduleWithFixedDelay(this::measure, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void measure() {
        try {
            Map<String, Long> now = projections.offsets().lag(new ReportingTopics(projections.live()).applicationId(),
                    Topics.ALL);
            lag.putAll(now);
            measured = new Measured(now.values().stream().mapToLong(Long::longValue).sum(), Instant.now());
        } catch (RuntimeException e) {
            log.debug("projection lag not measured: {}", e.toString());
        }
    }

    /** The lag summed over the input topics, as last measured. */
    Measured lastMeasured() {
        return measured;
    }

    /**
     * @param events input events not yet committed by the live topology
     * @param at     when it was measured (null: not yet)
     */
    record Measured(long events, Instant at) {
    }

    @Override
    public void destroy() {
        measuring.shutdownNow();
    }
}
