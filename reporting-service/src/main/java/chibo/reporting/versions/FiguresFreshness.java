package chibo.reporting.versions;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * How current the figures this instance serves are: up to which event (its recorded time) they count, how many
 * events are waiting, and whether the live version's stores are being restored. Figure responses carry it
 * ({@code FreshnessHeaders}); as the health component {@code figures} it takes the instance out of service
 * ({@code /actuator/health/readiness}) while the stores restore or more than {@code chibo.reporting.ready-max-lag}
 * events wait, so that a load balancer sends readers to an instance that is current.
 */
@Component("figuresHealthIndicator")
public class FiguresFreshness implements HealthIndicator {

    /** Where the figures stand. */
    public enum State {
        /** Counting as events arrive: behind by at most a commit and the waiting events reported. */
        CURRENT,
        /** More events wait than the instance may be behind and still serve. */
        CATCHING_UP,
        /** The live version's stores are being restored from their changelogs: the figures may be far behind. */
        RESTORING,
        /** The live version's topology is not running on this instance. */
        STOPPED
    }

    /**
     * @param state            where the figures stand
     * @param currentTo        recorded time of the latest event the stored figures count (null: none yet)
     * @param lag              input events not yet counted, as last measured
     * @param lagMeasuredAt    when (null: not measured yet)
     * @param restoringRecords changelog records still to restore on this instance
     */
    public record Snapshot(State state, Instant currentTo, long lag, Instant lagMeasuredAt, long restoringRecords) {
    }

    private final Projections projections;
    private final ProjectionLag lag;
    private final long readyMaxLag;

    FiguresFreshness(Projections projections, ProjectionLag lag, ReportingProperties properties) {
        this.projections = projections;
        this.lag = lag;
        this.readyMaxLag = properties.readyMaxLag();
    }

    public Snapshot snapshot() {
        KafkaStreams.State topology = projections.state();
        long restoring = projections.restoringRecords();
        ProjectionLag.Measured measured = lag.lastMeasured();
        return new Snapshot(judge(topology.isRunningOrRebalancing(), restoring, measured.events(), readyMaxLag),
                projections.currentTo(), measured.events(), measured.at(), restoring);
    }

    static State judge(boolean topologyRunning, long restoringRecords, long lag, long maxLag) {
        if (!topologyRunning) {
            return State.STOPPED;
        }
        if (restoringRecords > 0) {
            return State.RESTORING;
        }
        return lag > maxLag ? State.CATCHING_UP : State.CURRENT;
    }

    @Override
    public Health health() {
        return health(snapshot(), readyMaxLag);
    }

    static Health health(Snapshot now, long readyMaxLag) {
        Health.Builder health = switch (now.state()) {
            case CURRENT -> Health.up();
            case STOPPED -> Health.down();
            case CATCHING_UP, RESTORING -> Health.outOfService();
        };
        health.withDetail("state", now.state().name()).withDetail("lag", now.lag())
                .withDetail("readyMaxLag", readyMaxLag).withDetail("restoringRecords", now.restoringRecords());
        if (now.currentTo() != null) {
            health.withDetail("currentTo", now.currentTo().toString());
        }
        if (now.lagMeasuredAt() != null) {
            health.withDetail("lagMeasuredAt", now.lagMeasuredAt().toString());
        }
        return health.build();
    }
}
