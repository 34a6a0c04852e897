package chibo.reporting.versions;

import chibo.platform.kafka.DeadLetterCount;
import chibo.platform.tracing.EventTracing;
import chibo.reporting.topology.TopologyEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Topology events as Micrometer counters. */
final class MeteredTopologyEvents implements TopologyEvents {

    private static final Logger log = LoggerFactory.getLogger(MeteredTopologyEvents.class);

    private final MeterRegistry meters;
    private final EventTracing tracing;

    MeteredTopologyEvents(MeterRegistry meters, EventTracing tracing) {
        this.meters = meters;
        this.tracing = tracing;
    }

    @Override
    public EventTracing tracing() {
        return tracing;
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
        DeadLetterCount.count(meters, "reporting", topic);
    }
}
