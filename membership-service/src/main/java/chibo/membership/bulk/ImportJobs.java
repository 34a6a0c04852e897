package chibo.membership.bulk;

import chibo.calendar.DateOutsideCalendarException;
import chibo.contracts.EventJson;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.organization.OrganizationView;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.CalendarRange;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.ConcurrentAppendException;
import chibo.platform.eventstore.Correlation;
import chibo.platform.eventstore.EventStore;
import chibo.platform.mongo.InsertNew;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    /**
     * Lines (or their results) asked for per round trip when a job's are read in order: without a batch size the
     * embedded MongoDB-wire server answers a find with every document in one reply, which for a file of a quarter
     * of a million lines passes the driver's 48 MB limit.
     */
    private static final int LINES_PER_BATCH = 2_000;
    /** Members whose lines run as one unit of work: read together, their events stored together. */
    private static final int MEMBERS_PER_UNIT = 500;
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration ABANDONED = Duration.ofSeconds(45);
    private static final String APPLIED_PREFIX = "member:";
    private static final Set<String> MAYBE_ALREADY_APPLIED = Set.of("urn:chibo:problem:already-exists",
            "urn:chibo:problem:illegal-transition");

    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> lines;
    private final MongoCollection<Document> results;
    private final MongoCollection<Document> applied;
    private final LineCommands commands;
    private final AggregateStore<MemberState> members;
    private final Organizations organisations;
    private final SubtreeGuard guard;
    private final JsonMapper json;
    private final Clock clock;
    private final long heldBytes;
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
        this.lines = mongo.getCollection("import_lines");
        this.results = mongo.getCollection("import_results");
        this.applied = mongo.getCollection("import_applied");
        this.commands = commands;
        this.members = members;
        this.organisations = organisations;
        this.guard = guard;
        this.json = json;
        this.clock = clock;
        this.heldBytes = heldBytes.toBytes();
    }

    /** Stores the file's lines and queues the job; returns its id at once. */
    public ImportJob create(Caller caller, InputStream ndjson) throws IOException {
        String jobId = UUID.randomUUID().toString();
        long total = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                if (raw.isBlank()) {
                    continue;
                }
                total++;
                batch.add(new Document("_id", lineId(jobId, total)).append("raw", raw));
                if (batch.size() == BATCH) {
                    lines.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            lines.insertMany(batch);
        }
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
        results.find(Filters.and(Filters.gte("_id", jobId + ":"), Filters.lt("_id", jobId + ";")))
                .sort(Sorts.ascending("_id")).batchSize(LINES_PER_BATCH).forEach(result -> {
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
            // a small index of the lines stays in memory, with the lines themselves while they fit in
            // heldBytes; a line not held is read back by _id when it runs
            List<LineRef> refs = new ArrayList<>();
            long[] held = {0};
            lines.find(Filters.and(Filters.gte("_id", jobId + ":"), Filters.lt("_id", jobId + ";")))
                    .sort(Sorts.ascending("_id"))
                    .batchSize(LINES_PER_BATCH)
                    .forEach(line -> {
                        String raw = line.getString("raw");
                        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
                        held[0] += bytes.length;
                        refs.add(LineRef.of(ImportLines.parse(json, number(line.getString("_id")), raw),
                                held[0] <= heldBytes ? bytes : null));
                    });
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
                ParsedLine line = read(jobId, ref);
                List<Document> remembered = new ArrayList<>();
                String fingerprint = fingerprint(caller, line);
                Document before = line.parseError() == null
                        ? applied.find(Filters.eq("_id", fingerprint)).first() : null;
                progress.record(apply(caller, line, before == null ? Map.of() : Map.of(fingerprint, before),
                        remembered));
                rememberAll(remembered);
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
                    unit.put(memberId, memberRefs.stream().map(ref -> read(jobId, ref)).toList());
                }
                importMembers(caller, unit).forEach(progress::record);
            }
            progress.flush();
            if (jobs.updateOne(held(jobId), Updates.combine(Updates.set("state", ImportJob.State.DONE.name()),
                    Updates.set("finishedAt", Date.from(clock.instant())))).getMatchedCount() == 0) {
                throw new TakenOver(jobId);
            }
            lines.deleteMany(Filters.and(Filters.gte("_id", jobId + ":"), Filters.lt("_id", jobId + ";")));
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

    /**
     * Many members' lines as one unit of work: the members (and the members their lines name, such as
     * introducers) are read together, each line sees what the lines before it did and is applied whole or not at
     * all, and every member's events are stored together. A member another writer changed meanwhile runs again on
     * its own.
     *
     * @return the lines' outcomes, member by member
     */
    private List<Document> importMembers(Caller caller, Map<String, List<ParsedLine>> unit) {
        Map<String, Map<String, Document>> known = appliedFor(unit.keySet());
        Set<String> subjects = new LinkedHashSet<>(unit.keySet());
        Set<String> organisations = new LinkedHashSet<>();
        unit.values().forEach(memberLines -> memberLines.forEach(line -> {
            subjects.addAll(ImportLines.referencedMembers(line));
            organisations.addAll(ImportLines.referencedOrganisations(line));
        }));
        this.organisations.prefetch(organisations);
        Map<String, List<Document>> remembered = new LinkedHashMap<>();
        AggregateStore.Committed<Map<String, List<Document>>> committed = members.unit(subjects, () -> {
            Map<String, List<Document>> outcomes = new LinkedHashMap<>();
            unit.forEach((memberId, memberLines) -> {
                List<Document> memberRemembered = new ArrayList<>();
                outcomes.put(memberId, memberLines.stream().map(line -> apply(caller, line,
                        known.getOrDefault(memberId, Map.of()), memberRemembered)).toList());
                remembered.put(memberId, memberRemembered);
            });
            return outcomes;
        });
        Map<String, List<Document>> toRemember = new LinkedHashMap<>();
        List<Document> outcomes = new ArrayList<>();
        committed.result().forEach((memberId, memberOutcomes) -> {
            if (committed.refused().contains(memberId)) {
                outcomes.addAll(importMember(caller, memberId, unit.get(memberId)));
            } else {
                outcomes.addAll(memberOutcomes);
                toRemember.put(memberId, remembered.get(memberId));
            }
        });
        rememberFor(known, toRemember);
        return outcomes;
    }

    /**
     * A member's lines as one batch: each line sees what the lines before it did and is applied whole or not at
     * all; the member's events are stored together. If another writer changed the member meanwhile, the batch runs
     * once more on the new state.
     */
    private List<Document> importMember(Caller caller, String memberId, List<ParsedLine> memberLines) {
        for (int attempt = 1; ; attempt++) {
            List<Document> remembered = new ArrayList<>();
            Map<String, Map<String, Document>> known = appliedFor(List.of(memberId));
            try {
                List<Document> outcomes = members.batch(memberId, () -> memberLines.stream()
                        .map(line -> apply(caller, line, known.getOrDefault(memberId, Map.of()), remembered))
                        .toList()).result();
                rememberFor(known, Map.of(memberId, remembered));
                return outcomes;
            } catch (ConcurrentAppendException conflict) {
                if (attempt == 2) {
                    ProblemException problem = concurrentModification(conflict);
                    return memberLines.stream().map(line -> rejected(new Document("line", line.number())
                            .append("command", line.command()).append("memberId", memberId), problem)).toList();
                }
            }
        }
    }

    /**
     * What the job keeps of a line while it runs: enough to group and order it, and the line itself (UTF-8) when
     * it is {@code held}.
     */
    private record LineRef(long number, String memberId, java.time.LocalDate effectiveDate, byte[] held) {
        static LineRef of(ParsedLine line, byte[] held) {
            return new LineRef(line.number(), line.parseError() == null ? line.memberId() : null,
                    line.effectiveDate(), held);
        }
    }

    private ParsedLine read(String jobId, LineRef ref) {
        if (ref.held() != null) {
            return ImportLines.parse(json, ref.number(), new String(ref.held(), StandardCharsets.UTF_8));
        }
        Document line = lines.find(Filters.eq("_id", lineId(jobId, ref.number()))).first();
        return ImportLines.parse(json, ref.number(), line == null ? "" : line.getString("raw"));
    }

    /**
     * Runs one line, unless {@code known} (what was applied before, by fingerprint) has it; what to remember once
     * stored goes to {@code remembered}.
     */
    Document apply(Caller caller, ParsedLine line, Map<String, Document> known, List<Document> remembered) {
        Document result = new Document("line", line.number()).append("command", line.command());
        if (line.memberId() != null) {
            result.append("memberId", line.memberId());
        }
        if (line.parseError() != null) {
            return rejected(result, new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED_JSON, "Malformed line", line.parseError()));
        }
        String fingerprint = fingerprint(caller, line);
        Document before = known.get(fingerprint);
        if (before != null) {
            return result.append("status", "DUPLICATE").append("subject", before.getString("subject"))
                    .append("version", before.get("version"));
        }
        UUID correlation = UUID.nameUUIDFromBytes(fingerprint.getBytes(StandardCharsets.UTF_8));
        try {
            // within a unit of work: if the line throws, whatever it decided is taken back
            Object outcome = members.attempt(() -> Correlation.with(correlation, () -> commands.run(caller, line)));
            String subject = outcome instanceof MemberView m ? m.id() : ((OrganizationView) outcome).id();
            long version = outcome instanceof MemberView m ? m.version() : ((OrganizationView) outcome).version();
            remembered.add(new Document("_id", fingerprint).append("subject", subject).append("version", version));
            return result.append("status", "ACCEPTED").append("subject", subject).append("version", version);
        } catch (ProblemException problem) {
            if (line.memberId() != null && MAYBE_ALREADY_APPLIED.contains(problem.type().toString())
                    && recordedBefore(line.memberId(), correlation)) {
                remembered.add(new Document("_id", fingerprint).append("subject", line.memberId()));
                return result.append("status", "DUPLICATE").append("subject", line.memberId());
            }
            return rejected(result, problem);
        } catch (DateOutsideCalendarException outside) {
            return rejected(result, CalendarRange.problem("$", outside));
        } catch (ConcurrentAppendException conflict) {
            return rejected(result, concurrentModification(conflict));
        } catch (RuntimeException failure) {
            log.error("import line {} ({}) failed unexpectedly; it is rejected and the import goes on", line.number(),
                    line.command(), failure);
            return rejected(result, new ProblemException(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
                    ProblemTypes.INTERNAL, "Internal error", "the line could not be applied ("
                    + failure.getClass().getSimpleName() + "); nothing of it was stored"));
        }
    }

    /** A line whose events were recorded but not remembered (cut off by a crash) left its correlation behind. */
    private boolean recordedBefore(String memberId, UUID correlation) {
        return members.history(memberId).stream().map(EventStore.StoredEvent::envelope)
                .anyMatch(event -> correlation.equals(event.correlationId()));
    }

    /**
     * The lines applied before for each member, by fingerprint: one document per member, all read in one
     * {@code _id $in} query, not one per line.
     */
    private Map<String, Map<String, Document>> appliedFor(Collection<String> memberIds) {
        Map<String, Map<String, Document>> known = new HashMap<>();
        List<String> ids = memberIds.stream().map(ImportJobs::appliedId).toList();
        for (Document document : applied.find(Filters.in("_id", ids))) {
            Map<String, Document> lines = new LinkedHashMap<>();
            document.getList("lines", Document.class, List.of()).forEach(line -> lines.put(line.getString("_id"),
                    line));
            known.put(document.getString("_id").substring(APPLIED_PREFIX.length()), lines);
        }
        return known;
    }

    /** Adds what each member's lines did to what was known of them: one bulk write. */
    private void rememberFor(Map<String, Map<String, Document>> known, Map<String, List<Document>> remembered) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        remembered.forEach((memberId, lines) -> {
            if (lines.isEmpty()) {
                return;
            }
            Map<String, Document> all = new LinkedHashMap<>(known.getOrDefault(memberId, Map.of()));
            lines.forEach(line -> all.put(line.getString("_id"), line));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", appliedId(memberId)),
                    new Document("_id", appliedId(memberId)).append("lines", new ArrayList<>(all.values())), upsert));
        });
        if (!writes.isEmpty()) {
            applied.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static String appliedId(String memberId) {
        return APPLIED_PREFIX + memberId;
    }

    private void rememberAll(List<Document> remembered) {
        InsertNew.insertNew(applied, remembered);
    }

    /** A line (or a member's lines) another writer got to first, as its result says it. */
    private static ProblemException concurrentModification(ConcurrentAppendException conflict) {
        return new ProblemException(org.springframework.http.HttpStatus.CONFLICT,
                ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification", conflict.getMessage());
    }

    private static Document rejected(Document result, ProblemException problem) {
        Document details = new Document("type", problem.type().toString()).append("title", problem.title())
                .append("status", problem.status().value()).append("detail", problem.getMessage());
        if (!problem.errors().isEmpty()) {
            details.append("errors", problem.errors().stream().map(error -> new Document("field", error.field())
                    .append("rule", error.rule()).append("message", error.message())).toList());
        }
        // a line that contradicts the member's recorded history names the event, as the API does
        if (problem.properties().get("conflictsWith") instanceof Map<?, ?> conflict) {
            details.append("conflictsWith", new Document(conflict.entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(entry -> entry.getKey().toString(), Map.Entry::getValue))));
        }
        return result.append("status", "REJECTED").append("problem", details);
    }

    /** The same line from the same caller is the same fingerprint, whatever its whitespace or key order. */
    private String fingerprint(Caller caller, ParsedLine line) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((caller.subject() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(EventJson.canonical(line.body()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.bson.conversions.Bson heartbeat() {
        return Updates.set("heartbeat", Date.from(clock.instant()));
    }

    private static String lineId(String jobId, long number) {
        return jobId + ":" + String.format("%010d", number);
    }

    private static long number(String lineId) {
        return Long.parseLong(lineId.substring(lineId.indexOf(':') + 1));
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
            pending.add(result.append("_id", lineId(jobId, result.getLong("line"))));
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
