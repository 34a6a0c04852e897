package chibo.membership.bulk;

import chibo.membership.bulk.StoredLines.LineRef;
import chibo.membership.member.MemberState;
import chibo.membership.organization.Organizations;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.mongo.InsertNew;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Bulk imports of history from agency systems. The file is stored first (so a job survives a restart), then run
 * in the background: organisation lines in file order, then each member's lines in effective-date order. Each
 * line goes through the same rules and services as the REST API and either records its events or records nothing
 * ("never half a member"); one bad line does not stop the others. A line already applied — by an earlier run of
 * the same file, even one cut off by a crash — is recognised and changes nothing.
 *
 * <p>An import always finishes: a line that fails in an unexpected way is rejected with a problem (its events, if
 * it had decided any, are taken back) and the job goes on, so accepted + duplicate + rejected = total. A job that
 * cannot go on at all (its store fails) ends FAILED with the error, never RUNNING for ever.
 *
 * <p>Any instance may run a job; the instance that runs it (its {@code runner}) beats its heartbeat while the job
 * is queued or running there. A job whose heartbeat stopped (its instance was killed or stopped) is taken over by
 * whichever live instance looks first — they all look every few seconds, not only when they start — and the
 * instance that lost it stops at its next step, so one job never runs twice at once.
 */
@Component
public class ImportJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int BATCH = 500;
    /** Members whose lines run as one unit of work: read together, their events stored together. */
    private static final int MEMBERS_PER_UNIT = 500;
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration ABANDONED = Duration.ofSeconds(45);

    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> results;
    private final StoredLines lines;
    private final LineImport importer;
    private final SubtreeGuard guard;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    /** The jobs queued or running on this instance, whose heartbeat it beats. */
    private final Set<String> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ExecutorService runner;
    private java.util.concurrent.ScheduledExecutorService keeper;
    private volatile boolean running;

    /** This instance no longer runs the job: another took it over while this one was stalled. */
    private static final class TakenOver extends RuntimeException {
        TakenOver(String jobId) {
            super("import " + jobId + " was taken over by another instance");
        }
    }

    /**
     * @param heldBytes how much of a file's text (UTF-8) a running job holds in memory; the lines past it are read
     *                  back one by one as they run
     */
    ImportJobs(MongoTemplate mongo, LineCommands commands, AggregateStore<MemberState> members,
               Organizations organisations, SubtreeGuard guard, JsonMapper json, Clock clock,
               @Value("${chibo.imports.held-bytes:16MB}") DataSize heldBytes) {
        this.jobs = mongo.getCollection("import_jobs");
        this.results = mongo.getCollection("import_results");
        this.lines = new StoredLines(mongo.getCollection("import_lines"), json, heldBytes.toBytes());
        this.importer = new LineImport(commands, members, organisations,
                new AppliedLines(mongo.getCollection("import_applied")));
        this.guard = guard;
        this.clock = clock;
    }

    /** Stores the file's lines and queues the job; returns its id at once. */
    public ImportJob create(Caller caller, InputStream ndjson) throws IOException {
        String jobId = UUID.randomUUID().toString();
        long total = lines.store(jobId, ndjson);
        Instant now = clock.instant();
        Document job = new Document("_id", jobId).append("state", ImportJob.State.QUEUED.name())
                .append("total", total).append("done", 0L)
                .append("accepted", 0L).append("duplicate", 0L).append("rejected", 0L)
                .append("owner", caller.subject()).append("roles", List.copyOf(caller.roles()))
                .append("org", caller.org()).append("createdAt", Date.from(now)).append("heartbeat", Date.from(now))
                .append("runner", instance);
        mine.add(jobId);
        jobs.insertOne(job);
        runner.submit(() -> run(jobId));
        return ImportJob.of(job, clock.instant());
    }

    /**
     * The job, if the caller may see it: its creator, or an auditor of the creator's subtree (an auditor bound to
     * no subtree sees every job). To anyone else it does not exist — its lines name members and decisions.
     */
    public java.util.Optional<ImportJob> find(Caller caller, String jobId) {
        return java.util.Optional.ofNullable(jobs.find(Filters.eq("_id", jobId)).first())
                .filter(job -> visibleTo(caller, job))
                .map(job -> ImportJob.of(job, clock.instant()));
    }

    private boolean visibleTo(Caller caller, Document job) {
        if (caller.subject().equals(job.getString("owner"))) {
            return true;
        }
        String org = job.getString("org");
        return caller.has(Roles.AUDITOR) && (caller.org() == null || org != null && guard.isWithin(caller, org));
    }

    /** The per-line results so far, in line order. */
    public void results(String jobId, Consumer<Document> each) {
        results.find(StoredLines.ofJob(jobId))
                .sort(Sorts.ascending("_id")).batchSize(StoredLines.LINES_PER_BATCH).forEach(result -> {
                    result.remove("_id");
                    each.accept(result);
                });
    }

    private void run(String jobId) {
        try {
            runMine(jobId);
        } finally {
            mine.remove(jobId);
        }
    }

    /** The job, as long as this instance is its runner. */
    private org.bson.conversions.Bson held(String jobId) {
        return Filters.and(Filters.eq("_id", jobId), Filters.eq("runner", instance));
    }

    private void runMine(String jobId) {
        Document job = jobs.find(Filters.eq("_id", jobId)).first();
        if (job == null) {
            return;
        }
        Caller caller = new Caller(job.getString("owner"), Set.copyOf(job.getList("roles", String.class)),
                job.getString("org"));
        if (jobs.updateOne(held(jobId), Updates.combine(Updates.set("state", ImportJob.State.RUNNING.name()),
                Updates.set("startedAt", Date.from(clock.instant())), heartbeat())).getMatchedCount() == 0) {
            log.info("import {} is run by another instance", jobId);
            return;
        }
        try {
            List<LineRef> refs = lines.index(jobId);
            Progress progress = new Progress(jobId, job.getLong("total"));
            List<LineRef> organisations = new ArrayList<>();
            Map<String, List<LineRef>> byMember = new LinkedHashMap<>();
            for (LineRef ref : refs) {
                if (ref.memberId() == null) {
                    organisations.add(ref);
                } else {
                    byMember.computeIfAbsent(ref.memberId(), id -> new ArrayList<>()).add(ref);
                }
            }
            for (LineRef ref : organisations) {
                importer.importOrganisationLine(caller, lines.read(jobId, ref), progress::record);
            }
            Comparator<LineRef> inEffectiveOrder = Comparator
                    .comparing(LineRef::effectiveDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(LineRef::number);
            List<String> memberIds = new ArrayList<>(byMember.keySet());
            for (int from = 0; from < memberIds.size(); from += MEMBERS_PER_UNIT) {
                Map<String, List<ParsedLine>> unit = new LinkedHashMap<>();
                for (String memberId : memberIds.subList(from, Math.min(memberIds.size(), from + MEMBERS_PER_UNIT))) {
                    List<LineRef> memberRefs = byMember.get(memberId);
                    memberRefs.sort(inEffectiveOrder);
                    unit.put(memberId, memberRefs.stream().map(ref -> lines.read(jobId, ref)).toList());
                }
                importer.importMembers(caller, unit).forEach(progress::record);
            }
            progress.flush();
            if (jobs.updateOne(held(jobId), Updates.combine(Updates.set("state", ImportJob.State.DONE.name()),
                    Updates.set("finishedAt", Date.from(clock.instant())))).getMatchedCount() == 0) {
                throw new TakenOver(jobId);
            }
            lines.delete(jobId);
        } catch (TakenOver e) {
            log.warn("{}; this instance stops running it", e.getMessage());
        } catch (RuntimeException e) {
            if (!running) {
                log.warn("import {} cut off by a stop; another instance, or this one when it starts again, takes it over",
                        jobId, e);
                jobs.updateOne(Filters.eq("_id", jobId), Updates.set("error", String.valueOf(e.getMessage())));
                return;
            }
            log.error("import {} failed and cannot go on", jobId, e);
            jobs.updateOne(held(jobId), Updates.combine(
                    Updates.set("state", ImportJob.State.FAILED.name()),
                    Updates.set("error", e.getClass().getSimpleName() + ": " + e.getMessage()),
                    Updates.set("finishedAt", Date.from(clock.instant()))));
        }
    }

    private org.bson.conversions.Bson heartbeat() {
        return Updates.set("heartbeat", Date.from(clock.instant()));
    }

    /** Writes results in batches and moves the job's counts on. */
    private final class Progress {
        private final String jobId;
        private final List<Document> pending = new ArrayList<>(BATCH);
        private long accepted;
        private long duplicate;
        private long rejected;

        Progress(String jobId, long total) {
            this.jobId = jobId;
        }

        void record(Document result) {
            switch (result.getString("status")) {
                case "ACCEPTED" -> accepted++;
                case "DUPLICATE" -> duplicate++;
                default -> rejected++;
            }
            pending.add(result.append("_id", StoredLines.lineId(jobId, result.getLong("line"))));
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                InsertNew.insertNew(results, pending); // a resumed job writes some results again: the first stays
                pending.clear();
            }
            if (jobs.updateOne(held(jobId), Updates.combine(
                    Updates.set("done", accepted + duplicate + rejected), Updates.set("accepted", accepted),
                    Updates.set("duplicate", duplicate), Updates.set("rejected", rejected), heartbeat()))
                    .getMatchedCount() == 0) {
                throw new TakenOver(jobId);
            }
        }
    }

    /** Jobs left behind by an instance that stopped are taken over now and whenever one is found later. */
    @Override
    public void start() {
        runner = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("imports").unstarted(r));
        keeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("imports-heartbeat")
                .daemon().unstarted(r));
        running = true;
        takeOverAbandoned();
        keeper.scheduleWithFixedDelay(this::keep, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void keep() {
        try {
            if (!mine.isEmpty()) {
                jobs.updateMany(Filters.and(Filters.in("_id", List.copyOf(mine)), Filters.eq("runner", instance)),
                        heartbeat());
            }
            takeOverAbandoned();
        } catch (RuntimeException e) {
            log.warn("import heartbeat failed; it runs again shortly", e);
        }
    }

    /** Queued or running jobs whose heartbeat stopped; each is taken by the one instance whose update lands. */
    private void takeOverAbandoned() {
        Date stale = Date.from(clock.instant().minus(ABANDONED));
        jobs.find(Filters.and(Filters.in("state", ImportJob.State.QUEUED.name(), ImportJob.State.RUNNING.name()),
                Filters.lt("heartbeat", stale))).forEach(job -> {
                    String jobId = job.getString("_id");
                    if (mine.contains(jobId)) {
                        return;
                    }
                    if (jobs.updateOne(Filters.and(Filters.eq("_id", jobId), Filters.eq("heartbeat",
                            job.getDate("heartbeat"))), Updates.combine(heartbeat(), Updates.set("runner", instance)))
                            .getModifiedCount() == 1) {
                        log.info("resuming import {}", jobId);
                        mine.add(jobId);
                        runner.submit(() -> run(jobId));
                    }
                });
    }

    @Override
    public void stop() {
        running = false;
        keeper.shutdownNow();
        runner.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
