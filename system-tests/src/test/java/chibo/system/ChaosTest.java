package chibo.system;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.localstack.ApiBodies;
import chibo.localstack.LocalStack;
import chibo.testsupport.Http;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service under a load of agency commands, while each instance and then the broker is
 * killed outright (SIGKILL, as {@code kill -9}) and started again, one at a time. The agencies' clients behave as a
 * real one does: every command carries an {@code Idempotency-Key}, goes to the instances in turn (as a load balancer
 * would send it) and is sent again, with the same key, to the next instance on a connection error, a 5xx or a 409
 * that says when to retry. Afterwards:
 * <ul>
 *   <li>every command answered 2xx is stored exactly once in its member's history, and nothing else is stored;
 *       of two deaths of one member sent to both instances at once, exactly one is;</li>
 *   <li>every stored event is on Kafka, each member's events first appearing there in seq order;</li>
 *   <li>reporting's figures, read from both instances, equal a recount of the events read back from the topics
 *       ({@link Recount}, shared with {@link ProvinceRecountTest}), and meeting-service's rosters hold exactly the
 *       members still active;</li>
 *   <li>no {@code Idempotency-Key} is left RUNNING past its lease and every import posted during the kills
 *       finished, every line counted.</li>
 * </ul>
 * The load is 10,000 commands (4,000 enrolments from the register, 3,000 admissions, 3,000 deaths, a tenth of the
 * deaths also sent to the other instance at the same moment under another key), plus two imports of 40 lines
 * each, one posted to each membership instance just before it is killed. The seed fixes the members, their cells,
 * the order of the commands and which deaths race. The load runs in eight phases; each of the seven victims is
 * killed once a quarter of its phase's commands are answered (not at a time on the clock), and the next phase starts
 * once the victim is back and its phase answered. Its figures are printed (in the test's output, which Maven keeps
 * in {@code system-tests/target/surefire-reports/chibo.system.ChaosTest-output.txt}).
 *
 * <p>Its time goes on start-ups, not on the commands: six service JVMs, the broker and the authorization server at
 * first, then seven restarts one after another (reporting's only ends when its figures have caught up). On the
 * 2-core machine this was written on, shared with three other builds (load average 30 to 55), it took 14 to 19
 * minutes: 160 to 360 s to start, 50 to 120 s per restart; the 10,000 commands ran in the restarts' shadow. Fewer
 * commands would not make it shorter, so it keeps the 10,000 asked for.
 */
class ChaosTest {

    private static final long SEED = 20_261_206L;
    private static final int CELLS = 20;
    private static final int ENROLMENTS = 4_000;
    private static final int ADMISSIONS = 3_000;
    private static final int DEATHS = 3_000;
    private static final int COMMANDS = ENROLMENTS + ADMISSIONS + DEATHS;
    private static final int IMPORT_LINES = 40;
    private static final int CLIENTS = 16;
    /** However many times a command is retried, an agency gives up on it after this long. */
    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(4);
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void nothing_answered_is_lost_or_doubled_and_the_figures_equal_a_recount_when_every_process_is_killed_in_turn()
            throws Exception {
        Instant began = Instant.now();
        try (LocalStack stack = LocalStack.start(Stacks.inMemory(dataDir).withInstances(2))) {
            progress("stack with two instances per service up in " + since(began) + " s");
            Agency agency = new Agency(stack);
            String writer = agency.centralWriter();
            Random random = new Random(SEED);
            String province = "CH" + Long.toString(Math.abs(random.nextLong()), 36).substring(0, 5).toUpperCase();
            Clients clients = new Clients(stack, writer);
            List<String> cells = registerOrganisations(clients, province);

            List<Runnable> load = commands(clients, province, cells, random);
            Chaos chaos = new Chaos(stack, clients, province, cells);
            Instant loadStarted = Instant.now();
            // one phase of the load per victim, and a last one after the broker is back: each victim is killed a
            // quarter into its phase, while the rest of the phase's commands are in flight
            int phases = Chaos.VICTIMS.size() + 1;
            int perPhase = (load.size() + phases - 1) / phases;
            try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
                for (int phase = 0; phase < phases; phase++) {
                    int answeredBefore = clients.answered.get();
                    List<Future<?>> running = load.subList(phase * perPhase,
                                    Math.min(load.size(), (phase + 1) * perPhase)).stream()
                            .<Future<?>>map(pool::submit).toList();
                    if (phase < Chaos.VICTIMS.size()) {
                        await().atMost(COMMAND_DEADLINE).pollInterval(Duration.ofMillis(50)).until(() ->
                                clients.answered.get() >= answeredBefore + COMMANDS / phases / 4);
                        chaos.killAndRestart(Chaos.VICTIMS.get(phase));
                    }
                    for (Future<?> command : running) {
                        command.get();
                    }
                }
            }
            progress("load of " + COMMANDS + " commands answered in " + since(loadStarted) + " s; " + chaos.kills
                    + " kills done");

            Map<String, List<Document>> histories = histories(stack, province);
            assertEveryAnswerStoredOnce(clients.ledger, histories);
            Recount recount = awaitEveryEventOnKafka(stack, province, histories);
            awaitImportsDone(clients, chaos.imports);
            awaitFiguresEqualRecount(stack, province, cells, recount);
            awaitRostersOfActiveMembers(stack, clients, cells, histories);
            assertNoKeyLeftRunning(stack);

            long members = recount.stockAt(province, Recount.NOW).get("members");
            Map<String, Long> flows = Recount.family(recount.flowsBetween(province, Recount.EVER, Recount.NOW),
                    "flow.", true);
            System.out.printf("""
                    ChaosTest figures (seed %d)
                      commands sent         %,d (+%d raced deaths, %d import lines)
                      answered 2xx          %,d; refused %,d (%s)
                      retries               %,d: connection %,d, 5xx %,d, 409 Retry-After %,d
                      kills                 %s
                      events stored         %,d for %,d members; on Kafka %,d records (%,d delivered twice)
                      recount               %,d members now in %s; flows %s
                      wall time             %d s (stack start-up and load included)
                    """, SEED, COMMANDS, clients.raced.get(), chaos.imports.size() * IMPORT_LINES,
                    clients.succeeded.get(), clients.refused.get(), clients.refusals,
                    clients.retries(), clients.connectionRetries.get(), clients.serverErrorRetries.get(),
                    clients.retryAfterRetries.get(), chaos.log, histories.values().stream().mapToInt(List::size).sum(),
                    histories.size(), kafkaRecords, kafkaRecords - histories.values().stream().mapToInt(List::size).sum(),
                    members, province, flows, since(began));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the load

    private static List<String> registerOrganisations(Clients clients, String province) {
        clients.command("org " + "TW", "membership", "/organizations",
                ApiBodies.organization("TW", "Ban Chấp hành Trung ương", "CENTRAL", null, "1930-02-03"), 201, 409);
        clients.command("org " + province, "membership", "/organizations",
                ApiBodies.organization(province, "Tỉnh ủy " + province, "PROVINCE", "TW", "2015-01-01"), 201);
        List<String> cells = new ArrayList<>();
        for (int commune = 1; commune <= 4; commune++) {
            String communeId = province + "-X" + commune;
            clients.command("org " + communeId, "membership", "/organizations",
                    ApiBodies.organization(communeId, "Đảng bộ xã " + commune, "COMMUNE", province, "2015-01-01"),
                    201);
            for (int cell = 1; cell <= CELLS / 4; cell++) {
                String cellId = communeId + "-C" + cell;
                clients.command("org " + cellId, "membership", "/organizations",
                        ApiBodies.organization(cellId, "Chi bộ thôn " + cell, "CELL", communeId, "2015-01-01"), 201);
                clients.command("enrol " + secretary(cellId), "membership", "/members/enrolments",
                        ApiBodies.enrolment(secretary(cellId), "Ma Văn Sình", cellId, "Sổ đảng viên " + cellId),
                        201);
                cells.add(cellId);
            }
        }
        return cells;
    }

    private static String secretary(String cellId) {
        return cellId + "-BT";
    }

    /**
     * One task per member, its commands in order, the members in an order the seed shuffles: enrolments (the first
     * {@link #DEATHS} of them later die, a tenth of those deaths sent to both instances at once) and admissions.
     */
    private static List<Runnable> commands(Clients clients, String province, List<String> cells, Random random) {
        List<Runnable> members = new ArrayList<>();
        for (int i = 0; i < ENROLMENTS; i++) {
            String memberId = province + "-E" + i;
            String cellId = cells.get(random.nextInt(cells.size()));
            boolean dies = i < DEATHS;
            boolean racing = dies && random.nextInt(10) == 0;
            members.add(() -> {
                clients.command("enrol " + memberId, "membership", "/members/enrolments",
                        ApiBodies.enrolment(memberId, "Lý Thị " + memberId, cellId, "Sổ đảng viên " + cellId), 201);
                if (racing) {
                    clients.racingDeaths(memberId, death("2026-03-10"), death("2026-03-11"));
                } else if (dies) {
                    clients.command("death " + memberId, "membership", "/members/" + memberId + "/death",
                            death("2026-03-10"), 200);
                }
            });
        }
        for (int i = 0; i < ADMISSIONS; i++) {
            String memberId = province + "-A" + i;
            String cellId = cells.get(random.nextInt(cells.size()));
            members.add(() -> clients.command("admit " + memberId, "membership", "/members/admissions",
                    admission(memberId, cellId, province), 201));
        }
        Collections.shuffle(members, random);
        return members;
    }

    private static Map<String, Object> death(String date) {
        return Map.of("dateOfDeath", date);
    }

    private static Map<String, Object> admission(String memberId, String cellId, String province) {
        Map<String, Object> person = Map.of("fullName", "Nông Văn " + memberId, "birthDate", "2000-06-15",
                "sex", memberId.hashCode() % 2 == 0 ? "MALE" : "FEMALE", "ethnicity", "Tày",
                "education", "UNIVERSITY");
        return ApiBodies.admission(memberId, person, cellId, "2025-09-01", "2025-09-15", "77-QĐ/ĐU",
                cellId.substring(0, cellId.lastIndexOf('-')), secretary(cellId));
    }

    /** What an agency was told, per member: the decisions answered 2xx, by command. */
    private static final class Ledger {
        final Map<String, List<String>> decisions = new ConcurrentHashMap<>();

        void acknowledged(String memberId, String command) {
            decisions.computeIfAbsent(memberId, id -> Collections.synchronizedList(new ArrayList<>())).add(command);
        }
    }

    /**
     * The agencies' clients: each command with its own {@code Idempotency-Key}, to the instances in turn, sent
     * again with the same key on a connection error, a 5xx or a 409 with {@code Retry-After}.
     */
    private static final class Clients {
        final Map<String, List<Http>> instances = new HashMap<>();
        final String writer;
        final Ledger ledger = new Ledger();
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong connectionRetries = new AtomicLong();
        final AtomicLong serverErrorRetries = new AtomicLong();
        final AtomicLong retryAfterRetries = new AtomicLong();
        final AtomicInteger raced = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        final Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();

        Clients(LocalStack stack, String writer) {
            this.writer = writer;
            instances.put("membership", stack.urls(LocalStack.MEMBERSHIP).stream().map(Http::new).toList());
            instances.put("meeting", stack.urls(LocalStack.MEETING).stream().map(Http::new).toList());
            instances.put("reporting", stack.urls(LocalStack.REPORTING).stream().map(Http::new).toList());
        }

        long retries() {
            return connectionRetries.get() + serverErrorRetries.get() + retryAfterRetries.get();
        }

        /** Sends the command until it has an answer that is not "try again"; it must be one of {@code expected}. */
        Http.Response command(String name, String service, String path, Object body, int... expected) {
            Http.Response answer = send(service, path, JSON.writeValueAsString(body), "application/json",
                    next.getAndIncrement());
            answered.incrementAndGet();
            assertThat(answer.status()).as(name + ": " + answer.body()).isIn((Object[]) box(expected));
            if (answer.status() / 100 == 2) {
                succeeded.incrementAndGet();
                String[] words = name.split(" ");
                if (!words[0].equals("org")) {
                    ledger.acknowledged(words[1], words[0]);
                }
            } else {
                refused.incrementAndGet();
                refusals.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
            }
            return answer;
        }

        /** The same member's death sent to both instances at once, under two keys: exactly one may be recorded. */
        void racingDeaths(String memberId, Object first, Object second) {
            raced.incrementAndGet();
            String path = "/members/" + memberId + "/death";
            try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Http.Response> one = both.submit(() -> send("membership", path,
                        JSON.writeValueAsString(first), "application/json", 0));
                Future<Http.Response> other = both.submit(() -> send("membership", path,
                        JSON.writeValueAsString(second), "application/json", 1));
                List<Http.Response> answers = List.of(one.get(), other.get());
                answered.addAndGet(2);
                long recorded = answers.stream().filter(answer -> answer.status() == 200).count();
                assertThat(recorded).as("deaths of " + memberId + " recorded: " + answers).isEqualTo(1);
                assertThat(answers).as("the other is refused as a conflict with what was recorded")
                        .anySatisfy(answer -> assertThat(answer.status()).isIn(409, 422));
                succeeded.incrementAndGet();
                refused.incrementAndGet();
                answers.stream().filter(answer -> answer.status() != 200).forEach(answer -> refusals
                        .computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet());
                ledger.acknowledged(memberId, "death");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Http.Response send(String service, String path, String body, String contentType, int first) {
            List<Http> targets = instances.get(service);
            Map<String, String> headers = Map.of("Content-Type", contentType,
                    "Idempotency-Key", UUID.randomUUID().toString());
            int[] attempt = {first};
            Instant[] notBefore = {Instant.EPOCH};
            Http.Response[] answer = {null};
            await().atMost(COMMAND_DEADLINE).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        if (Instant.now().isBefore(notBefore[0])) {
                            return false;
                        }
                        Http target = targets.get(attempt[0]++ % targets.size());
                        try {
                            Http.Response response = target.send("POST", path, writer, body, headers);
                            if (response.status() >= 500) {
                                serverErrorRetries.incrementAndGet();
                                notBefore[0] = Instant.now().plusMillis(200);
                                return false;
                            }
                            String retryAfter = response.header("Retry-After");
                            if (response.status() == 409 && retryAfter != null) {
                                retryAfterRetries.incrementAndGet();
                                notBefore[0] = Instant.now().plusSeconds(Long.parseLong(retryAfter.strip()));
                                return false;
                            }
                            answer[0] = response;
                            return true;
                        } catch (UncheckedIOException e) {
                            connectionRetries.incrementAndGet();
                            notBefore[0] = Instant.now().plusMillis(200);
                            return false;
                        }
                    });
            return answer[0];
        }

        private static Integer[] box(int[] values) {
            return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the chaos

    /**
     * Kills an instance of a service or the broker outright, as {@code kill -9} would, and starts it again; posts an
     * import to a membership instance just before it is killed.
     */
    private static final class Chaos {
        static final List<String> VICTIMS = List.of(LocalStack.MEMBERSHIP,
                LocalStack.instanceName(LocalStack.MEMBERSHIP, 1), LocalStack.REPORTING,
                LocalStack.instanceName(LocalStack.REPORTING, 1), LocalStack.MEETING,
                LocalStack.instanceName(LocalStack.MEETING, 1), LocalStack.KAFKA);

        final LocalStack stack;
        final Clients clients;
        final String province;
        final List<String> cells;
        final List<String> imports = Collections.synchronizedList(new ArrayList<>());
        final List<String> log = new ArrayList<>();
        int kills;

        Chaos(LocalStack stack, Clients clients, String province, List<String> cells) {
            this.stack = stack;
            this.clients = clients;
            this.province = province;
            this.cells = cells;
        }

        void killAndRestart(String victim) {
            if (victim.startsWith(LocalStack.MEMBERSHIP)) {
                imports.add(postImport(victim, imports.size()));
            }
            long pid = stack.pids().get(victim);
            int answered = clients.answered.get();
            Instant killed = Instant.now();
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
            kills++;
            stack.restart(victim);
            String entry = victim + " (pid " + pid + ", back in " + since(killed) + " s)";
            log.add(entry);
            progress("killed " + entry + " after " + answered + " answers; " + clients.answered.get() + " now");
        }

        /** An import of enrolments posted to the instance about to die; answers the job's id. */
        private String postImport(String instance, int number) {
            StringBuilder ndjson = new StringBuilder();
            for (int line = 0; line < IMPORT_LINES; line++) {
                String memberId = province + "-I" + number + "-" + line;
                String cellId = cells.get(line % cells.size());
                Map<String, Object> body = new LinkedHashMap<>(ApiBodies.enrolment(memberId, "Hoàng Thị " + line,
                        cellId, "Sổ đảng viên " + cellId));
                body.put("command", "enrol");
                ndjson.append(JSON.writeValueAsString(body)).append('\n');
            }
            Http target = new Http(stack.url(instance));
            Http.Response posted = target.send("POST", "/imports", clients.writer, ndjson.toString(),
                    Map.of("Content-Type", "application/x-ndjson", "Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(posted.status()).as(posted.body()).isEqualTo(202);
            return posted.json().get("id").asString();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // what must hold afterwards

    /** Each member's events as membership-service stored them (its event store), in seq order. */
    private static Map<String, List<Document>> histories(LocalStack stack, String province) {
        Map<String, List<Document>> histories = new TreeMap<>();
        try (MongoClient client = MongoClients.create(stack.mongoUri("chibo-membership"))) {
            for (Document event : client.getDatabase("chibo-membership").getCollection("party_membership_events")
                    .find().batchSize(5_000)) {
                String subject = event.getString("subject");
                if (subject != null && subject.startsWith(province)) {
                    histories.computeIfAbsent(subject, s -> new ArrayList<>()).add(event);
                }
            }
        }
        histories.values().forEach(events -> events.sort(java.util.Comparator.comparingLong(
                event -> ((Number) event.get("seq")).longValue())));
        return histories;
    }

    private static void assertEveryAnswerStoredOnce(Ledger ledger, Map<String, List<Document>> histories) {
        List<String> problems = new ArrayList<>();
        Map<String, String> typeOf = Map.of("enrol", "member.enrolled_from_register.v1", "admit",
                "member.admitted.v1", "death", "member.deceased.v1");
        ledger.decisions.forEach((memberId, commands) -> {
            List<Document> history = histories.getOrDefault(memberId, List.of());
            List<String> stored = history.stream().map(event -> event.getString("type")).toList();
            List<String> told = commands.stream().map(typeOf::get).sorted().toList();
            if (!stored.stream().sorted().toList().equals(told)) {
                problems.add(memberId + ": answered " + commands + " but stored " + stored);
            }
            for (int i = 0; i < history.size(); i++) {
                if (((Number) history.get(i).get("seq")).longValue() != i + 1) {
                    problems.add(memberId + ": seqs " + history.stream().map(e -> e.get("seq")).toList());
                    break;
                }
            }
        });
        histories.keySet().stream().filter(memberId -> !ledger.decisions.containsKey(memberId)
                        && !memberId.contains("-I"))
                .forEach(memberId -> problems.add(memberId + ": stored but never answered 2xx"));
        assertThat(problems).as("histories differing from what the agencies were told").isEmpty();
    }

    private static long kafkaRecords;

    /**
     * Waits until every stored event is on the topic, checks each member's events first appear there in seq order,
     * and recounts the figures from the topics (each event once).
     */
    private static Recount awaitEveryEventOnKafka(LocalStack stack, String province,
                                                  Map<String, List<Document>> storedBefore) {
        Predicate<String> ours = key -> key != null && key.startsWith(province);
        List<EventEnvelope> memberEvents = new ArrayList<>();
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            memberEvents.clear();
            memberEvents.addAll(Recount.readTopic(stack, Topics.MEMBERSHIP, ours, e -> e));
            Map<String, List<Document>> stored = histories(stack, province);
            Set<String> onKafka = new HashSet<>();
            memberEvents.forEach(event -> onKafka.add(event.storageId()));
            return stored.values().stream().flatMap(List::stream)
                    .allMatch(event -> onKafka.contains(event.getString("_id")));
        });
        kafkaRecords = memberEvents.size();
        Map<String, Long> lastSeq = new HashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        List<Recount.MemberFact> facts = new ArrayList<>();
        for (EventEnvelope event : memberEvents) {
            long last = lastSeq.getOrDefault(event.subject(), 0L);
            if (event.seq() <= last) {
                continue; // delivered again: at least once
            }
            if (event.seq() != last + 1) {
                outOfOrder.add(event.subject() + " seq " + event.seq() + " after " + last);
            }
            lastSeq.put(event.subject(), event.seq());
            facts.add(Recount.MemberFact.of(event));
        }
        assertThat(outOfOrder).as("member events first on Kafka out of seq order").isEmpty();
        List<EventEnvelope> organisations = Recount.readTopic(stack, Topics.ORGANIZATION, ours,
                e -> e);
        return new Recount(organisations, facts, List.of());
    }

    private static void awaitImportsDone(Clients clients, List<String> imports) {
        Http membership = clients.instances.get("membership").getFirst();
        for (String jobId : imports) {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode job = membership.get("/imports/" + jobId, clients.writer).json();
                return "DONE".equals(job.get("state").asString());
            });
            JsonNode job = membership.get("/imports/" + jobId, clients.writer).json();
            assertThat(job.get("accepted").asLong() + job.get("duplicate").asLong()).as(job.toString())
                    .isEqualTo(IMPORT_LINES);
            assertThat(job.get("rejected").asLong()).as(job.toString()).isZero();
        }
    }

    /** Every organisation's counts on each reporting instance equal the recount. */
    private static void awaitFiguresEqualRecount(LocalStack stack, String province, List<String> cells,
                                                 Recount recount) {
        List<String> organisations = new ArrayList<>(List.of(province));
        cells.stream().map(cell -> cell.substring(0, cell.lastIndexOf('-'))).distinct().forEach(organisations::add);
        organisations.addAll(cells);
        for (int instance = 0; instance < 2; instance++) {
            Agency agency = new Agency(stack, instance);
            String token = agency.nationalDashboard();
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                List<String> differences = Collections.synchronizedList(new ArrayList<>());
                organisations.forEach(orgId -> Recount.compareCounts(agency, token, orgId, recount, differences));
                assertThat(differences).as("figures differing from the recount").isEmpty();
            });
        }
    }

    /** Each cell's roster, on both meeting instances, is the members whose history leaves them active in it. */
    private static void awaitRostersOfActiveMembers(LocalStack stack, Clients clients, List<String> cells,
                                                    Map<String, List<Document>> histories) {
        Map<String, Set<String>> expected = new HashMap<>();
        histories.forEach((memberId, events) -> {
            boolean active = events.stream().noneMatch(event -> event.getString("type").equals("member.deceased.v1"));
            JsonNode joined = JSON.readTree(events.getFirst().getString("payload"));
            String cellId = joined.hasNonNull("cellId") ? joined.get("cellId").asString() : null;
            if (active && cellId != null) {
                expected.computeIfAbsent(cellId, c -> new TreeSet<>()).add(memberId);
            }
        });
        for (Http meeting : clients.instances.get("meeting")) {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                for (String cellId : cells) {
                    Http.Response roster = meeting.get("/cells/" + cellId + "/roster", clients.writer);
                    assertThat(roster.status()).as(roster.body()).isEqualTo(200);
                    Set<String> listed = new TreeSet<>();
                    roster.json().get("members").forEach(member -> listed.add(member.asString()));
                    assertThat(listed).as("roster of " + cellId).isEqualTo(expected.getOrDefault(cellId, Set.of()));
                }
            });
        }
    }

    private static void assertNoKeyLeftRunning(LocalStack stack) {
        try (MongoClient client = MongoClients.create(stack.mongoUri("chibo-membership"))) {
            for (String database : List.of("chibo-membership", "chibo-meeting")) {
                List<Document> stuck = new ArrayList<>();
                client.getDatabase(database).getCollection("idempotency_keys")
                        .find(Filters.and(Filters.eq("state", "RUNNING"), Filters.lt("leaseUntil", new Date())))
                        .forEach(stuck::add);
                assertThat(stuck).as("keys RUNNING past their lease in " + database).isEmpty();
            }
        }
    }

    private static long since(Instant start) {
        return Duration.between(start, Instant.now()).toSeconds();
    }

    private static void progress(String message) {
        System.out.println(Instant.now() + " ChaosTest: " + message);
    }
}
