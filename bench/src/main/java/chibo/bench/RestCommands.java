package chibo.bench;

import chibo.localstack.ApiBodies;
import chibo.localstack.GeneratedProvince;
import chibo.testsupport.Http;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commands over REST as fast as a few agency systems can send them: clients each posting enrolments one after
 * another, into cells all over the province. After a warm-up, for a fixed window: commands per second, latency,
 * and what each accepted command cost in CPU across the stack's processes during the window (its events' effects
 * downstream included, as far as they happened within it).
 */
final class RestCommands {

    static final int CLIENTS = 16;
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration WINDOW = Duration.ofSeconds(30);

    private final Http membership;
    private final Tokens tokens;
    private final ProcessMeter meter;

    RestCommands(Http membership, Tokens tokens, ProcessMeter meter) {
        this.membership = membership;
        this.tokens = tokens;
        this.meter = meter;
    }

    ObjectNode run(GeneratedProvince province, ObjectNode into) throws InterruptedException {
        List<String> cells = province.cells();
        AtomicInteger sequence = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<String> firstRefused = new CopyOnWriteArrayList<>();
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        long windowStart = started + WARM_UP.toNanos();
        long windowEnd = windowStart + WINDOW.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().name("rest-client-" + c).start(() -> {
                while (System.nanoTime() < windowEnd) {
                    int n = sequence.incrementAndGet();
                    String cell = cells.get(Math.floorMod(n * 7919, cells.size()));
                    long posted = System.nanoTime();
                    Http.Response response = membership.post("/members/enrolments", tokens.writer(),
                            ApiBodies.enrolment(province.id + "-r" + n, "Đảng viên chuyển đến " + n, cell,
                                    "Sổ đảng viên " + cell));
                    long answered = System.nanoTime();
                    boolean counted = posted >= windowStart && answered <= windowEnd;
                    if (response.status() == 201) {
                        if (counted) {
                            accepted.incrementAndGet();
                            latencies.record("enrolment", (answered - posted) / 1e6);
                        }
                    } else {
                        refused.incrementAndGet();
                        if (firstRefused.size() < 5) {
                            firstRefused.add(response.toString().substring(0, Math.min(300,
                                    response.toString().length())));
                        }
                    }
                }
            }));
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, windowStart - System.nanoTime()));
        ProcessMeter.Snapshot from = meter.snapshot();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, windowEnd - System.nanoTime()));
        ProcessMeter.Snapshot to = meter.snapshot();
        for (Thread client : clients) {
            client.join();
        }
        double seconds = WINDOW.toNanos() / 1e9;
        long stackCpu = ProcessMeter.stackCpuMillis(from, to);
        into.put("command", "POST /members/enrolments");
        into.put("clients", CLIENTS);
        into.put("warmUpSeconds", WARM_UP.toSeconds());
        into.put("windowSeconds", WINDOW.toSeconds());
        into.put("posted", sequence.get());
        into.put("acceptedInWindow", accepted.get());
        into.put("refused", refused.get());
        firstRefused.forEach(into.putArray("firstRefused")::add);
        into.put("commandsPerSecond", BenchResults.round(accepted.get() / seconds));
        latencies.summary(into.putObject("latency"), "enrolment");
        ObjectNode cpu = ProcessMeter.cpuBetween(from, to, into.putObject("window"));
        ObjectNode perEvent = into.putObject("cpuMsPerEvent");
        cpu.get("cpuMs").properties().forEach(entry -> perEvent.put(entry.getKey(),
                BenchResults.round2(entry.getValue().asDouble() / Math.max(1, accepted.get()))));
        into.put("stackCpuMsPerEvent", BenchResults.round2((double) stackCpu / Math.max(1, accepted.get())));
        into.put("stackCpuMsPerEventWithoutJit", BenchResults.round2((double) (stackCpu
                - ProcessMeter.stackJitMillis(from, to)) / Math.max(1, accepted.get())));
        return into;
    }
}
