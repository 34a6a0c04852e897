package chibo.reporting.versions;

import chibo.contracts.Topics;
import chibo.reporting.topology.ReportingTopics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a projection version has come: the input events it has committed of those on the topics, its rate since
 * the last time it was asked, the time left at that rate, and whether it has caught up.
 */
final class VersionProgress {

    private final Clock clock;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    private record Sample(long done, Instant at) {
    }

    VersionProgress(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param state   the version's state, {@code LIVE} for the live one (not a dropped version)
     * @param runtime the version running on this instance, or null
     */
    Projections.Progress of(Offsets offsets, String version, Projections.State state, ProjectionRuntime runtime) {
        ReportingTopics topics = new ReportingTopics(version);
        long total = offsets.total(Topics.ALL);
        long done = offsets.committed(topics.applicationId(), Topics.ALL).values().stream()
                .mapToLong(Long::longValue).sum();
        Instant now = clock.instant();
        Sample previous = samples.put(version, new Sample(done, now));
        Double rate = previous == null || !now.isAfter(previous.at()) ? null
                : (done - previous.done()) * 1000.0 / Duration.between(previous.at(), now).toMillis();
        Long etaSeconds = rate == null || rate <= 0 ? null : Math.round((total - done) / rate);
        // the event topics are written without transactions, so a group that has not committed up to their ends has
        // records left to read: only a version at the ends needs the closer look at the internal topics' markers
        boolean caughtUp = done >= total && caughtUp(offsets, topics);
        return new Projections.Progress(version, state, caughtUp, done, total,
                total == 0 ? Double.valueOf(100) : Math.min(100.0, Math.round(done * 1000.0 / total) / 10.0),
                rate == null ? null : Math.round(rate * 10) / 10.0, caughtUp ? Long.valueOf(0) : etaSeconds,
                runtime == null ? null : runtime.state().name(),
                runtime == null ? null : runtime.commitInterval().toMillis(),
                runtime == null ? null : runtime.onePass());
    }

    /** Whether the version has processed everything on its input and internal topics and stored the results. */
    private boolean caughtUp(Offsets offsets, ReportingTopics topics) {
        return offsets.consumedAll(topics.applicationId(), topics.streamSources())
                && offsets.consumedAll(topics.countsSinkGroup(), List.of(topics.orgCounts()))
                && offsets.consumedAll(topics.monthsSinkGroup(), List.of(topics.orgMonths()));
    }
}
