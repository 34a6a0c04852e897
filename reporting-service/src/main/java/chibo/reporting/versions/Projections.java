package chibo.reporting.versions;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.platform.kafka.TopicsProperties;
import chibo.platform.tracing.EventTracing;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;
import chibo.reporting.topology.OnePassBuild;
import chibo.reporting.topology.ReportingTopics;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The projection versions of the figures and which one is live. Each version is a topology with its own
 * application id, internal topics and MongoDB collections. A rebuild starts a new version from offset zero while
 * the live one keeps serving; once the new one has caught up and its figures equal the live ones (or an operator
 * accepts the differences), queries switch to it at once; the old one is dropped later. The versions' states are
 * kept in MongoDB ({@code projection_versions}) and every instance follows them: it runs the live version and any
 * version being built, and serves whichever is live.
 */
@Component
public class Projections implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    static final String LIVE = "live";
    static final Duration FOLLOW = Duration.ofSeconds(2);
    private static final Pattern VERSION = Pattern.compile("v[0-9a-z-]{1,20}");
    private static final int DIFFERENCES_SHOWN = 50;

    /** A version's lifecycle. */
    public enum State { BUILDING, LIVE, RETIRED, DROPPED }

    private final ReportingProperties properties;
    private final KafkaProperties kafka;
    private final MongoCollection<Document> versions;
    private final OperatorTrail trail;
    private final Clock clock;
    private final VersionLauncher launcher;
    private final AtomicReference<String> live = new AtomicReference<>();
    private final Map<String, ProjectionRuntime> running = new ConcurrentHashMap<>();
    private final VersionFigures figures;
    private final VersionProgress versionProgress;
    private volatile Admin admin;
    private volatile Offsets offsets;
    private volatile ScheduledExecutorService following;

    Projections(ReportingProperties properties, KafkaProperties kafka, KafkaAdmin kafkaAdmin,
                TopicsProperties partitioning, MongoTemplate mongo, MeterRegistry meters, Clock clock,
                TrustedSigners signers, ObjectProvider<CountsWritten> countsWritten,
                ObjectProvider<EventTracing> tracing) {
        this.properties = properties;
        this.kafka = kafka;
        MongoDatabase database = mongo.getDb();
        this.versions = database.getCollection("projection_versions");
        this.trail = new OperatorTrail(database.getCollection(OperatorTrail.COLLECTION), clock);
        this.figures = new VersionFigures(database);
        this.versionProgress = new VersionProgress(clock);
        this.launcher = new VersionLauncher(properties, kafka, kafkaAdmin, partitioning, database, meters, signers,
                countsWritten, tracing.getIfAvailable(() -> EventTracing.OFF));
        this.clock = clock;
        Gauge.builder("chibo.projection.freshness", this, projections -> projections.freshnessSeconds())
                .description("seconds between now and the recorded time of the latest event in the live figures")
                .baseUnit("seconds").tag("projection", "reporting").register(meters);
    }

    /** The version queries read now. */
    public String live() {
        String version = live.get();
        return version != null ? version : properties.projectionVersion();
    }

    Offsets offsets() {
        return offsets;
    }

    @Override
    public void start() {
        admin = Admin.create(kafka.buildAdminProperties());
        offsets = new Offsets(admin, kafka.buildConsumerProperties());
        String version = stored(LIVE).map(d -> d.getString("version")).orElse(properties.projectionVersion());
        try {
            versions.insertOne(new Document("_id", LIVE).append("version", version));
            versions.replaceOne(Filters.eq("_id", version), versionDocument(version, State.LIVE, null),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        live.set(version);
        run(version);
        follow();
        following = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-versions");
            thread.setDaemon(true);
            return thread;
        });
        following.scheduleWithFixedDelay(this::followQuietly, FOLLOW.toMillis(), FOLLOW.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void followQuietly() {
        try {
            follow();
        } catch (RuntimeException e) {
            log.warn("projection versions not followed this time", e);
        }
    }

    /** Runs what the stored states say should run here: the live version and every version being built. */
    synchronized void follow() {
        stored(LIVE).map(d -> d.getString("version")).ifPresent(live::set);
        Set<String> wanted = new TreeSet<>();
        wanted.add(live());
        for (Document version : versions.find()) {
            if (!LIVE.equals(version.getString("_id"))
                    && State.BUILDING.name().equals(version.getString("state"))) {
                wanted.add(version.getString("_id"));
            }
        }
        for (String version : wanted) {
            run(version);
        }
        // a version built at the rebuild's commit interval runs at the live one once it is live
        ProjectionRuntime current = running.get(live());
        if (current != null && !current.commitInterval().equals(properties.commitInterval())) {
            running.remove(live()).stop();
            run(live());
        }
        for (String version : List.copyOf(running.keySet())) {
            Optional<Document> stored = stored(version);
            if (stored.isPresent() && State.DROPPED.name().equals(stored.get().getString("state"))) {
                Optional.ofNullable(running.remove(version)).ifPresent(ProjectionRuntime::stopAndCleanUp);
            }
        }
    }

    private void run(String version) {
        running.computeIfAbsent(version, v -> launcher.start(v, v.equals(live()) ? properties.commitInterval()
                : properties.rebuildCommitInterval(), !v.equals(live())));
    }

    /**
     * Starts rebuilding every figure into a new version, from offset zero of the topics.
     *
     * @throws ProblemException 400 for a malformed name, 409 for a version that exists
     */
    public synchronized Progress rebuild(String version, String by) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw Problems.invalid("version", "pattern", "a version is 'v' and up to 20 lower-case letters, digits"
                    + " or dashes, e.g. v2");
        }
        if (stored(version).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "already-exists", "Version exists",
                    "projection version '" + version + "' exists already; rebuild into a new one",
                    List.of(new FieldProblem("version", "new", "version '" + version + "' exists")), Map.of());
        }
        versions.insertOne(versionDocument(version, State.BUILDING, offsets.total(Topics.ALL)));
        try {
            run(version);
        } catch (RuntimeException e) {
            versions.deleteOne(Filters.eq("_id", version));
            throw e;
        }
        trail.record(OperatorTrail.Action.REBUILD, version, by, live(), live(), null, null, 0);
        return progress(version);
    }

    private Document versionDocument(String version, State state, Long inputsAtStart) {
        return new Document("_id", version).append("state", state.name())
                .append("startedAt", Date.from(clock.instant())).append("inputsAtStart", inputsAtStart);
    }

    /** Every rebuild, switch and drop, oldest first. */
    public List<OperatorTrail.Entry> trail() {
        return trail.entries();
    }

    /** Every version known, live first. */
    public List<Progress> all() {
        List<Progress> all = new ArrayList<>();
        all.add(progress(live()));
        for (Document version : versions.find()) {
            String id = version.getString("_id");
            if (!LIVE.equals(id) && !id.equals(live())) {
                all.add(progress(id));
            }
        }
        return all;
    }

    /** How far a version has come: input events it has processed of those on the topics, rate, ETA. */
    public Progress progress(String version) {
        Document stored = stored(version).orElseThrow(() -> Problems.notFound("projection version", version));
        State state = State.valueOf(stored.getString("state"));
        if (state == State.DROPPED) {
            return new Progress(version, state, false, 0, 0, null, null, null, null, null, null);
        }
        return versionProgress.of(offsets, version, version.equals(live()) ? State.LIVE : state, running.get(version));
    }

    /** Organisations whose figures differ between the live version and another (at most 50 listed). */
    public List<Difference> differences(String version) {
        return VersionFigures.differences(figures.totals(live()), figures.totals(version));
    }

    /**
     * Makes a caught-up version live: from the next read on, every query reads it.
     *
     * @param acceptDifferences whether to switch although its figures differ from the live ones (after a rule fix)
     * @throws ProblemException 409 when it is not being built, has not caught up, or differs without acceptance
     */
    public synchronized Switch switchTo(String version, boolean acceptDifferences, String by) {
        Document stored = stored(version).orElseThrow(() -> Problems.notFound("projection version", version));
        if (!State.BUILDING.name().equals(stored.getString("state"))) {
            throw conflict("state", "building", "version '" + version + "' is " + stored.getString("state")
                    + "; only a version being built can be switched to", Map.of());
        }
        Progress progress = progress(version);
        if (!progress.caughtUp()) {
            throw conflict("version", "caught-up", "version '" + version + "' has processed " + progress.done()
                    + " of " + progress.total() + " events and has not caught up yet", Map.of("progress", progress));
        }
        String previous = live();
        Map<String, Map<String, Long>> liveFigures = figures.totals(previous);
        Map<String, Map<String, Long>> built = figures.totals(version);
        List<Difference> differences = VersionFigures.differences(liveFigures, built);
        if (!differences.isEmpty() && !acceptDifferences) {
            throw conflict("acceptDifferences", "equal-or-accepted", differences.size() + " figure(s) differ from"
                    + " the live version '" + previous + "'; switch with acceptDifferences=true to accept them",
                    Map.of("differences", differences.subList(0, Math.min(DIFFERENCES_SHOWN, differences.size()))));
        }
        versions.replaceOne(Filters.eq("_id", LIVE), new Document("_id", LIVE).append("version", version));
        versions.updateOne(Filters.eq("_id", version), new Document("$set", new Document("state", State.LIVE.name())
                .append("switchedAt", Date.from(clock.instant()))));
        versions.updateOne(Filters.eq("_id", previous), new Document("$set",
                new Document("state", State.RETIRED.name())));
        live.set(version);
        trail.record(OperatorTrail.Action.SWITCH, version, by, previous, version,
                OperatorTrail.digest(liveFigures), OperatorTrail.digest(built), differences.size());
        log.info("projection version {} is live; {} retired", version, previous);
        return new Switch(previous, version, differences.size());
    }

    /**
     * Drops a version that is not live: stops it everywhere, deletes its collections, topics and local state.
     *
     * @throws ProblemException 409 for the live version
     */
    public synchronized void drop(String version, String by) {
        Document stored = stored(version).orElseThrow(() -> Problems.notFound("projection version", version));
        if (version.equals(live())) {
            throw conflict("version", "not-live", "version '" + version + "' is live; switch to another first",
                    Map.of());
        }
        if (State.DROPPED.name().equals(stored.getString("state"))) {
            return;
        }
        trail.record(OperatorTrail.Action.DROP, version, by, live(), live(), OperatorTrail.digest(figures.totals(version)),
                null, 0);
        versions.updateOne(Filters.eq("_id", version), new Document("$set",
                new Document("state", State.DROPPED.name())));
        Optional.ofNullable(running.remove(version)).ifPresent(ProjectionRuntime::stopAndCleanUp);
        figures.drop(version);
        VersionTopics.delete(admin, version);
        log.info("projection version {} dropped", version);
    }

    private static ProblemException conflict(String field, String rule, String detail,
                                             Map<String, Object> properties) {
        return new ProblemException(HttpStatus.CONFLICT, "projection-" + rule, "Not possible for this version",
                detail, List.of(new FieldProblem(field, rule, detail)), properties);
    }

    private Optional<Document> stored(String id) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", id)).first());
    }

    private double freshnessSeconds() {
        ProjectionRuntime runtime = running.get(live());
        Instant last = runtime == null ? null : runtime.sink().lastRecordedAt();
        return last == null ? 0 : Math.max(0, clock.millis() - last.toEpochMilli()) / 1000.0;
    }

    @Override
    public void stop() {
        if (following != null) {
            following.shutdownNow();
        }
        running.values().forEach(ProjectionRuntime::stop);
        running.clear();
        if (offsets != null) {
            offsets.close();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }

    /** The live version's topology state. */
    public KafkaStreams.State state() {
        ProjectionRuntime runtime = running.get(live());
        return runtime == null ? KafkaStreams.State.NOT_RUNNING : runtime.state();
    }

    /** Changelog records the live version's stores still have to restore on this instance (0: none restoring). */
    public long restoringRecords() {
        ProjectionRuntime runtime = running.get(live());
        return runtime == null ? 0 : runtime.restoring().records();
    }

    /** Recorded time of the latest event reflected in the live version's stored figures (null: none yet). */
    public Instant currentTo() {
        ProjectionRuntime runtime = running.get(live());
        return runtime == null ? null : runtime.sink().lastRecordedAt();
    }

    @Override
    public Health health() {
        KafkaStreams.State state = state();
        Health.Builder health = state.isRunningOrRebalancing() ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).withDetail("liveVersion", live())
                .withDetail("applicationId", new ReportingTopics(live()).applicationId()).build();
    }

    /**
     * @param done             input events the version's topology has committed
     * @param total            input events on the topics now
     * @param percentDone      {@code done / total} in percent
     * @param perSecond        events per second since the last time progress was asked
     * @param etaSeconds       seconds left at that rate
     * @param topology         the state of the version's topology on this instance (null: not running here)
     * @param commitIntervalMs how often it commits on this instance: a version being built less often than the
     *                         live one
     * @param onePass          what the one-pass build of a version being built did on this instance (null: none ran
     *                         here, or it is still folding)
     */
    public record Progress(String version, State state, boolean caughtUp, long done, long total, Double percentDone,
                           Double perSecond, Long etaSeconds, String topology, Long commitIntervalMs,
                           OnePassBuild.Outcome onePass) {
    }

    public record Difference(String orgId, String counter, long live, long rebuilt) {
    }

    public record Switch(String from, String to, int differencesAccepted) {
    }
}
