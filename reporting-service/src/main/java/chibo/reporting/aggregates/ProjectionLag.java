package chibo.reporting.aggregates;

import chibo.contracts.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Consumer lag of the live reporting topology per input topic ({@code chibo.projection.lag}): records on the topic
 * not yet committed by the live version's application id, summed over partitions. Measured every 10 seconds.
 */
@Component
class ProjectionLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    static final Duration EVERY = Duration.ofSeconds(10);

    private final Projections projections;
    private final Map<String, Long> lag = new ConcurrentHashMap<>();
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
            lag.putAll(projections.offsets().lag(new ReportingTopics(projections.live()).applicationId(),
                    Topics.ALL));
        } catch (RuntimeException e) {
            log.debug("projection lag not measured: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        measuring.shutdownNow();
    }
}
