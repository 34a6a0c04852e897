package chibo.bench;

import chibo.contracts.Topics;
import chibo.localstack.GeneratedProvince;
import chibo.localstack.LocalStack;
import chibo.localstack.ProvinceShape;
import chibo.localstack.StackConfig;
import chibo.testsupport.Http;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Everything a user of chibo waits for, measured in one run on one local stack (real KRaft broker, the MongoDB-wire
 * server in this JVM, the services as processes), each figure beside its physical baseline: a raw Kafka producer
 * and consumer; a province's whole history as one bulk import while dashboards read; its cells' meetings; REST
 * commands at 16 clients and their CPU per event; freshness at a fixed load; a full rebuild beside a raw read of
 * the same topics; CPU, heap and RSS of every process. Writes {@code bench/results/bench-<time>.json}.
 *
 * <p>Usage: {@code ./chibo bench [--scale S | --members N] [--backend memory|journal|h2] [--rate R] [--no-meetings]}.
 */
public final class StackBench {

    private static final long SEED = 20_251_204L;
    /** The warm-up province's largest size: some 5,400 members. */
    private static final double WARM_UP_SCALE = 0.1;
    private static final Duration PATIENCE = Duration.ofHours(4);

    /** One measured step of the run, writing what it found. */
    private interface Phase {
        void run(ObjectNode into) throws Exception;
    }

    private final LocalStack stack;
    private final BenchOptions options;
    private final Tokens tokens;
    private final Http membership;
    private final Http reporting;
    private final ProcessMeter meter;
    private final ObjectNode phases;

    private StackBench(LocalStack stack, BenchOptions options, ObjectNode phases) {
        this.stack = stack;
        this.options = options;
        this.tokens = new Tokens(stack.url(LocalStack.AUTH));
        this.membership = new Http(stack.url(LocalStack.MEMBERSHIP));
        this.reporting = new Http(stack.url(LocalStack.REPORTING));
        this.meter = new ProcessMeter(stack.pids(), Map.of(LocalStack.MEMBERSHIP, stack.url(LocalStack.MEMBERSHIP),
                LocalStack.MEETING, stack.url(LocalStack.MEETING), LocalStack.REPORTING,
                stack.url(LocalStack.REPORTING)), tokens);
        this.phases = phases;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        Path home = Path.of(System.getProperty("chibo.stack.home", "local-stack/target"));
        Path data = Files.createTempDirectory("chibo-bench");
        progress("generating the province (scale " + BenchResults.round2(options.shape().scale()) + ")");
        GeneratedProvince province = GeneratedProvince.generate(new Random(SEED), "BP", options.shape());
        Path file = data.resolve("province.ndjson");
        long lines = BulkImport.writeFile(province, file);
        progress(province.members.size() + " members (" + province.membersAtEnd() + " at the end), "
                + province.communes.size() + " communes, " + province.cells().size() + " cells, "
                + province.villages.villages.size() + " villages, " + lines + " import lines, "
                + province.meetings.size() + " meetings; starting the stack, MongoDB " + options.backend()
                + ", data in " + data);
        ObjectNode result = BenchResults.start("bench");
        result.put("backend", options.backend());
        result.put("members", province.members.size());
        result.put("warmUp", options.warmUp());
        ObjectNode figures = result.putObject("figures");
        try (LocalStack stack = LocalStack.start(StackConfig.forTests(home, data, options.store()))) {
            StackBench bench = new StackBench(stack, options, result.putObject("phases"));
            try (bench.meter) {
                try {
                    bench.run(province, file, lines, result, figures);
                } finally {
                    bench.meter.memory(result.putObject("memory"));
                }
            }
        } catch (Exception | Error e) {
            // what was measured before the failure is kept, marked as such: a long run is not lost to its last phase
            result.put("failed", failure(e));
            result.put("runSeconds", Math.round(BenchResults.seconds(started)));
            BenchResults.write("bench", result);
            System.err.println("the bench failed; the phases measured are in the result file, the stack's logs in "
                    + data.resolve("logs"));
            throw e;
        }
        result.put("runSeconds", Math.round(BenchResults.seconds(started)));
        BenchResults.write("bench", result);
        deleteRecursively(data);
    }

    private static String failure(Throwable failure) {
        String message = failure.toString();
        return message.length() > 1_000 ? message.substring(0, 1_000) : message;
    }

    private void run(GeneratedProvince province, Path file, long lines, ObjectNode result, ObjectNode figures)
            throws Exception {
        ObjectNode raw = phase("raw-kafka", into -> RawKafka.produceAndConsume(kafkaClient(stack), province,
                into));
        figures.put("raw_producer_per_s", raw.get("producerPerSecond").asLong());
        figures.put("raw_consumer_per_s", raw.get("consumerPerSecond").asLong());

        ProvinceSetup setup = new ProvinceSetup(membership, tokens, province);
        setup.registerCountry();
        if (options.warmUp()) {
            phase("warm-up", this::warmUp);
            settle();
        }
        phase("organisations", into -> {
            into.put("organisations", setup.registerOrganisations());
            into.put("villageCalls", setup.registerVillages());
        });
        settle();

        ObjectNode imported = phase("import", into -> {
            long started = System.nanoTime();
            DashboardReaders readers = DashboardReaders.start(reporting, tokens, province);
            try {
                new BulkImport(stack.url(LocalStack.MEMBERSHIP), reporting, tokens, kafkaClient(stack),
                        PATIENCE).run(province, file, lines, started, into);
            } finally {
                readers.close();
            }
            readers.results(into.putObject("readsDuringImport"));
        });
        figures.put("import_lines_per_s", imported.get("linesPerSecondEndToEnd").asLong());
        figures.put("read_p99_ms_max", imported.path("readsDuringImport").path("worstP99Ms").asDouble());
        figures.put("import_jit_share_of_stack_cpu", BenchResults.round2(imported.path("cost").path("stackJitMs")
                .asDouble() / Math.max(1, imported.path("cost").path("stackCpuMs").asDouble())));
        result.put("benchHeapAfterImportMb", heapAfterGc());

        phase("positions", into -> into.put("assigned", setup.assignPositions()));
        settle();
        if (options.meetings()) {
            ObjectNode meetings = phase("meetings", into -> new MeetingRecords(new Http(stack.url(
                    LocalStack.MEETING)), tokens).record(province, into));
            figures.put("meetings_per_s", meetings.get("meetingsPerSecond").asDouble());
            settle();
        } else {
            phases.putObject("meetings").put("ran", false);
        }

        ObjectNode commands = phase("rest-commands", into -> new RestCommands(membership, tokens, meter)
                .run(province, into));
        figures.put("rest_commands_per_s", commands.get("commandsPerSecond").asDouble());
        figures.put("rest_p50_ms", commands.path("latency").path("p50Ms").asDouble());
        figures.put("rest_p99_ms", commands.path("latency").path("p99Ms").asDouble());
        figures.put("cpu_ms_per_event", commands.get("stackCpuMsPerEvent").asDouble());
        figures.put("cpu_ms_per_event_without_jit", commands.get("stackCpuMsPerEventWithoutJit").asDouble());
        settle();

        ObjectNode fresh = phase("freshness", into -> new Freshness(membership, reporting, tokens)
                .run(province, options.rate(), into));
        figures.put("freshness_p50_ms", fresh.path("acceptedToVisible").path("p50Ms").asDouble());
        figures.put("freshness_p99_ms", fresh.path("acceptedToVisible").path("p99Ms").asDouble());
        settle();

        ObjectNode rawRead = phase("raw-consumer-event-topics", into -> {
            RawKafka.Read read = RawKafka.readAll(kafkaClient(stack), Topics.ALL);
            into.put("topics", String.join(", ", Topics.ALL));
            into.put("records", read.records());
            into.put("seconds", BenchResults.round(read.seconds()));
            into.put("perSecond", read.perSecond());
        });
        ObjectNode rebuilt = phase("rebuild", into -> new Rebuild(reporting, tokens, PATIENCE).run(into));
        long rebuildRate = rebuilt.get("eventsPerSecond").asLong();
        figures.put("rebuild_events_per_s", rebuildRate);
        figures.put("rebuild_share_of_raw_consumer", Math.round(10_000.0 * rebuildRate
                / Math.max(1, rawRead.get("perSecond").asLong())) / 10_000.0);
        figures.put("heap_mb_max", meter.heapMbMax());
        result.put("events", rebuilt.get("events").asLong());
        result.put("rebuildFiguresEqualLive", rebuilt.get("figuresEqualLive").asBoolean());
        result.put("benchHeapAtEndMb", heapAfterGc());
        targets(result.putObject("targets"));
        progress("figures: " + figures);
    }

    /**
     * The same work as the measured phases, on a second province a tenth the size of the first (at most 5,400
     * members) with ids of its own ({@code WU}): its organisations and villages, its import with dashboards reading
     * it, positions, meetings and a window of REST commands. The services compile their hot code meanwhile, so that
     * what follows measures them as they run once they have been up a while. Its figures are kept apart (phase
     * {@code warm-up}) and count in no result.
     */
    private void warmUp(ObjectNode into) throws Exception {
        ProvinceShape shape = options.shape();
        double scale = Math.min(WARM_UP_SCALE, shape.scale() / 10);
        GeneratedProvince province = GeneratedProvince.generate(new Random(SEED + 1), "WU", new ProvinceShape(scale,
                shape.villagesPerCommune(), shape.residentPercent(), shape.monthlyMeetings(), shape.reform()));
        Path file = Files.createTempFile("chibo-bench-warm-up", ".ndjson");
        try {
            long lines = BulkImport.writeFile(province, file);
            into.put("members", province.members.size());
            ProvinceSetup setup = new ProvinceSetup(membership, tokens, province);
            setup.registerOrganisations();
            setup.registerVillages();
            DashboardReaders readers = DashboardReaders.start(reporting, tokens, province);
            try {
                new BulkImport(stack.url(LocalStack.MEMBERSHIP), reporting, tokens, kafkaClient(stack), PATIENCE)
                        .run(province, file, lines, System.nanoTime(), into.putObject("import"));
            } finally {
                readers.close();
            }
            setup.assignPositions();
            if (options.meetings()) {
                new MeetingRecords(new Http(stack.url(LocalStack.MEETING)), tokens).record(province,
                        into.putObject("meetings"));
            }
            new RestCommands(membership, tokens, meter).run(province, into.putObject("rest-commands"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Until every consumer group has caught up, so that the next phase has the cores to itself. */
    private void settle() throws InterruptedException {
        meter.phase("waiting-for-consumers");
        ConsumerGroups.awaitQuiet(kafkaClient(stack), PATIENCE);
    }

    /** Runs one phase: progress lines, its own results, and what each process spent on it. */
    private ObjectNode phase(String name, Phase body) throws Exception {
        meter.phase(name);
        progress(name + " …");
        ProcessMeter.Snapshot from = meter.snapshot();
        ObjectNode into = phases.putObject(name);
        body.run(into);
        ProcessMeter.cpuBetween(from, meter.snapshot(), into.putObject("cost"));
        ObjectNode shown = into.deepCopy();
        shown.findParents("byQuery").forEach(parent -> ((ObjectNode) parent).remove("byQuery"));
        progress(name + ": " + shown);
        return into;
    }

    /** The performance targets of ARCHITECTURE.md, beside which the figures are read. */
    private static void targets(ObjectNode targets) {
        targets.put("import_lines_per_s", 5_000);
        targets.put("rest_commands_per_s", 1_500);
        targets.put("rest_p99_ms", 100);
        targets.put("cpu_ms_per_event", 1);
        targets.put("freshness_p99_ms_at_500_per_s", 1_000);
        targets.put("rebuild_events_per_s", 20_000);
        targets.put("rebuild_share_of_raw_consumer_goal", 0.30);
        targets.put("read_p99_ms_max_at_450000_members", 50);
        targets.put("heap_mb_max", 512);
    }

    /** This JVM's heap in use once garbage is gone: mostly the MongoDB-wire server's data (memory backend). */
    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    static void progress(String message) {
        System.out.println(Instant.now() + " bench: " + message);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A Kafka client of the stack's broker: its address and, for the broker the stack started, the credentials. */
    private static Map<String, Object> kafkaClient(LocalStack stack) {
        Map<String, Object> client = new java.util.HashMap<>(stack.kafkaClientProperties());
        client.put(org.apache.kafka.clients.CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        return client;
    }
}
