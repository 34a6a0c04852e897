package chibo.bench;

import chibo.contracts.Topics;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.localstack.ApiClient;
import chibo.localstack.LocalStack;
import chibo.localstack.StackConfig;
import chibo.testsupport.EventPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Replay speed: a full rebuild of every figure into a new projection version, through reporting-service's public
 * API, against a raw Kafka consumer reading the same topics in the same run. Starts a local stack (real KRaft
 * broker, in-memory MongoDB-wire server, the services as processes), publishes a generated province's history the
 * way membership-service does, waits until the live figures have caught up, then measures: the raw consumer's read
 * rate, and the rebuild's rate (input events / time until caught up). Writes JSON to {@code bench/results/}.
 *
 * <p>Usage: {@code ./chibo bench [members]} (default 40,000 members, about 100,000 events).
 */
public final class ReplayBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private ReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        Path home = Path.of(System.getProperty("chibo.stack.home", "local-stack/target"));
        Path results = Path.of(System.getProperty("chibo.bench.results", "bench/results"));
        Path data = Files.createTempDirectory("chibo-bench");
        try (LocalStack stack = LocalStack.start(StackConfig.forTests(home, data, false))) {
            ObjectNode result = run(stack, members);
            Files.createDirectories(results);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                    .format(Instant.now());
            Path file = results.resolve("replay-" + stamp + ".json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            System.out.println("written to " + file);
        }
    }

    static ObjectNode run(LocalStack stack, int members) throws InterruptedException {
        String reporting = stack.url(LocalStack.REPORTING);
        String auditor = ApiClient.token(stack.url(LocalStack.AUTH), "auditor", "auditor-secret");

        long started = System.nanoTime();
        long events = publish(stack.bootstrapServers(), members);
        double publishSeconds = seconds(started);

        String live = ApiClient.get(reporting + "/projections", auditor).json().get("live").asString();
        awaitCaughtUp(reporting, auditor, live);
        double liveSeconds = seconds(started);
        awaitQuiet(stack.bootstrapServers());
        double quietSeconds = seconds(started);

        long rawStarted = System.nanoTime();
        long read = readAll(stack.bootstrapServers());
        double rawSeconds = seconds(rawStarted);

        String version = "v-bench-" + System.currentTimeMillis() % 100_000;
        long rebuildStarted = System.nanoTime();
        ApiClient.post(reporting + "/projections/rebuilds", auditor, Map.of("version", version)).expect(202);
        JsonNode progress = awaitCaughtUp(reporting, auditor, version);
        double rebuildSeconds = seconds(rebuildStarted);
        long rebuilt = progress.get("done").asLong();
        JsonNode differences = ApiClient.get(reporting + "/projections/" + version + "/differences", auditor).json();

        ObjectNode result = JSON.createObjectNode();
        result.put("benchmark", "replay");
        result.put("date", Instant.now().toString());
        result.put("commit", System.getProperty("chibo.bench.commit", "unknown"));
        ObjectNode machine = result.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("note", "broker, MongoDB-wire server (memory), three services and this client share the cores");
        result.put("members", members);
        result.put("inputEvents", events);
        result.put("publishSeconds", round(publishSeconds));
        result.put("publishPerSecond", Math.round(events / publishSeconds));
        result.put("liveCaughtUpSeconds", round(liveSeconds));
        result.put("allConsumersQuietSeconds", round(quietSeconds));
        result.put("rawConsumerRecords", read);
        result.put("rawConsumerSeconds", round(rawSeconds));
        result.put("rawConsumerPerSecond", Math.round(read / rawSeconds));
        result.put("rebuildEvents", rebuilt);
        result.put("rebuildSeconds", round(rebuildSeconds));
        result.put("rebuildPerSecond", Math.round(rebuilt / rebuildSeconds));
        result.put("rebuildShareOfRawPercent", round(100.0 * (rebuilt / rebuildSeconds) / (read / rawSeconds)));
        result.put("rebuildFiguresEqualLive", differences.isEmpty());
        ObjectNode targets = result.putObject("targets");
        targets.put("rebuildPerSecond", 100_000);
        targets.put("rebuildShareOfRawPercent", 30);
        result.put("heapOfThisProcessMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        return result;
    }

    /** A province of 20 communes and 400 cells; each member admitted, most recognised, some moved, some dead. */
    static long publish(String bootstrapServers, int members) {
        long events = 0;
        Random random = new Random(2025);
        try (EventPublisher organizations = new EventPublisher(bootstrapServers, "/chibo/membership-service")) {
            LocalDate founded = LocalDate.of(2015, 1, 1);
            organizations.publishLater("BENCH", founded, "BENCH", new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE,
                    null));
            events++;
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                String commune = "BENCH-X" + c;
                organizations.publishLater(commune, founded, "BENCH", new OrganizationRegistered("Xã " + c,
                        OrgLevel.COMMUNE, "BENCH"));
                events++;
                for (int k = 0; k < 20; k++) {
                    String cell = commune + "-C" + k;
                    organizations.publishLater(cell, founded, commune, new OrganizationRegistered("Chi bộ " + k,
                            OrgLevel.CELL, commune));
                    cells.add(cell);
                    events++;
                }
            }
            organizations.flush();
            for (int i = 0; i < members; i++) {
                String member = "BENCH-m" + i;
                String cell = cells.get(random.nextInt(cells.size()));
                LocalDate on = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
                organizations.publishLater(member, on, cell, new MemberAdmitted(new Person("Đảng viên",
                        LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1),
                        random.nextBoolean() ? Sex.MALE : Sex.FEMALE, random.nextInt(5) == 0 ? "Tày" : "Kinh",
                        Education.values()[random.nextInt(Education.values().length)], null), cell, null,
                        new Vote(10, 0, 0, 10), List.of(), true, null));
                events++;
                if (random.nextInt(10) < 8) {
                    organizations.publishLater(member, on.plusYears(1), cell,
                            new MemberRecognized(on.plusYears(1), null, null));
                    events++;
                }
                if (random.nextInt(10) == 0) {
                    organizations.publishLater(member, on.plusYears(2), cell,
                            new MemberTransferReceived(cells.get(random.nextInt(cells.size()))));
                    events++;
                }
                if (random.nextInt(20) == 0) {
                    organizations.publishLater(member, on.plusYears(3), cell, new MemberDeceased(null));
                    events++;
                }
            }
            organizations.flush();
        }
        return events;
    }

    /** Reads every record of the three input topics from the start, as fast as a plain consumer can. */
    static long readAll(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                        info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
        }
        return read;
    }

    /**
     * Waits until every consumer group (membership's read models, meeting-service's rosters, the audit archive, the
     * live projection and its sinks) has consumed what was published, so the measurements below have the cores to
     * themselves: lag at most a transaction marker or two per partition, and unchanged over three looks.
     */
    static void awaitQuiet(String bootstrapServers) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long previous = -1;
            int steady = 0;
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> committed = new HashMap<>();
                for (var group : admin.listConsumerGroups().all().get()) {
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                            .forEach((partition, offset) -> {
                                if (offset != null) {
                                    committed.merge(partition, offset.offset(), Math::min);
                                }
                            });
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition,
                        info.offset()));
                long lag = 0;
                boolean near = true;
                for (var entry : committed.entrySet()) {
                    long behind = Math.max(0, ends.getOrDefault(entry.getKey(), 0L) - entry.getValue());
                    lag += behind;
                    near &= behind <= 2;
                }
                steady = near && lag == previous ? steady + 1 : 0;
                if (steady >= 2) {
                    return;
                }
                previous = lag;
                Thread.sleep(2_000);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read consumer group offsets: " + e.getCause(), e.getCause());
        }
        throw new IllegalStateException("the consumers did not catch up within " + PATIENCE);
    }

    private static JsonNode awaitCaughtUp(String reporting, String auditor, String version)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = ApiClient.get(reporting + "/projections/" + version, auditor).json();
            if (progress.get("caughtUp").asBoolean()) {
                return progress;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("projection version " + version + " did not catch up within " + PATIENCE);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
