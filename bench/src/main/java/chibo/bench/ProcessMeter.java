package chibo.bench;

import chibo.testsupport.Http;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU and memory of every process of the stack, so that each figure can say what it cost: CPU time per phase from
 * {@code /proc/<pid>/stat} (and, for the MongoDB-wire server that runs in this JVM, its threads' CPU time), and
 * each service's heap (from its Prometheus scrape) and each process's RSS, sampled every second, peak by phase.
 * Of each process's CPU time, the part its JIT compiler threads spent compiling is told apart ({@code jitMs}): a
 * service a few minutes old spends much of its CPU compiling its hot code, a service running for days almost none,
 * and the figures should say which of the two they measured.
 */
final class ProcessMeter implements AutoCloseable {

    /** Seconds between two scrapes of a service's metrics for its heap. */
    private static final int HEAP_SCRAPE_EVERY = 10;

    /**
     * The MongoDB-wire server: the threads of this JVM that serve it, and the journal's (or H2's) writer when its data
     * is kept in a file.
     */
    static final String MONGO = "mongodb-wire";
    /** This JVM less the MongoDB-wire server's threads: the load generator, the readers, the raw Kafka clients. */
    static final String CLIENT = "bench-client";
    private static final String THIS_JVM = "bench-jvm (client and MongoDB-wire)";
    private static final long TICKS_PER_SECOND = clockTicks();
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    /** CPU milliseconds of each process at one moment, and of its JIT compiler threads. */
    record Snapshot(long nanos, Map<String, Long> cpuMillis, Map<String, Long> jitMillis) {
    }

    private final Map<String, Long> pids;
    private final Map<String, String> metricsUrls;
    private final Tokens tokens;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> mongoThreadNanos = new ConcurrentHashMap<>();
    /** CPU milliseconds of each JIT compiler thread seen, by process and thread id: a thread that ends still counts. */
    private final Map<String, Map<Long, Long>> compilerThreadMillis = new ConcurrentHashMap<>();
    /** By scope ("run", then each phase in order), by process: guarded by the outer map. */
    private final Map<String, Map<String, Long>> peakHeap = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> peakRss = new LinkedHashMap<>();
    private volatile String phase = "stack-started";
    private volatile boolean sampling = true;
    private final Thread sampler;

    /**
     * @param pids        the stack's processes by name
     * @param metricsUrls the services whose heap to sample, by name
     */
    ProcessMeter(Map<String, Long> pids, Map<String, String> metricsUrls, Tokens tokens) {
        this.pids = Map.copyOf(pids);
        this.metricsUrls = Map.copyOf(metricsUrls);
        this.tokens = tokens;
        this.sampler = Thread.ofPlatform().daemon().name("bench-sampler").start(this::sample);
    }

    /** From now on, peaks count towards this phase (and towards the whole run). */
    void phase(String name) {
        phase = name;
    }

    Snapshot snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, processCpuMillis(pid)));
        long mongo = mongoCpuMillis();
        cpu.put(MONGO, mongo);
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        cpu.put(CLIENT, Math.max(0, jvm - mongo));
        Map<String, Long> jit = new LinkedHashMap<>();
        pids.forEach((name, pid) -> jit.put(name, compilerCpuMillis(name, pid)));
        jit.put(THIS_JVM, compilerCpuMillis(THIS_JVM, ProcessHandle.current().pid()));
        return new Snapshot(System.nanoTime(), cpu, jit);
    }

    /** CPU milliseconds of each process between the two snapshots, the stack's total (without the client), wall. */
    static ObjectNode cpuBetween(Snapshot from, Snapshot to, ObjectNode into) {
        ObjectNode byProcess = into.putObject("cpuMs");
        to.cpuMillis().forEach((name, millis) -> byProcess.put(name, millis - from.cpuMillis().getOrDefault(name, 0L)));
        into.put("stackCpuMs", stackCpuMillis(from, to));
        ObjectNode jit = into.putObject("jitMs");
        to.jitMillis().forEach((name, millis) -> jit.put(name, millis - from.jitMillis().getOrDefault(name, 0L)));
        into.put("stackJitMs", stackJitMillis(from, to));
        into.put("wallSeconds", BenchResults.round((to.nanos() - from.nanos()) / 1e9));
        return into;
    }

    /** CPU milliseconds the stack's own processes (not this JVM) spent compiling between the two snapshots. */
    static long stackJitMillis(Snapshot from, Snapshot to) {
        return to.jitMillis().entrySet().stream().filter(entry -> !entry.getKey().equals(THIS_JVM))
                .mapToLong(entry -> entry.getValue() - from.jitMillis().getOrDefault(entry.getKey(), 0L)).sum();
    }

    /** CPU milliseconds of the broker, the MongoDB-wire server, the auth server and the services together. */
    static long stackCpuMillis(Snapshot from, Snapshot to) {
        return to.cpuMillis().entrySet().stream().filter(entry -> !entry.getKey().equals(CLIENT))
                .mapToLong(entry -> entry.getValue() - from.cpuMillis().getOrDefault(entry.getKey(), 0L)).sum();
    }

    /** The highest heap in use of any service over the run, in MB. */
    long heapMbMax() {
        synchronized (peakHeap) {
            return peakHeap.getOrDefault("run", Map.of()).entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(THIS_JVM)).mapToLong(entry -> entry.getValue() >> 20)
                    .max().orElse(0);
        }
    }

    /** Peak heap per service and peak RSS per process, over the run and per phase, in MB. */
    ObjectNode memory(ObjectNode into) {
        into.put("servicesMaxHeapMb", servicesMaxHeapMb(System.getProperty("chibo.stack.service-jvm-options", "")));
        into.put("note", "heap: used heap from each service's Prometheus scrape (jvm_memory_used_bytes, area=heap);"
                + " RSS: VmRSS from /proc; sampled every second. The bench JVM holds the MongoDB-wire server.");
        megabytes(peakHeap, into.putObject("peakHeapMb"));
        megabytes(peakRss, into.putObject("peakRssMb"));
        return into;
    }

    /** The services' -Xmx in MB: the stack's 512 unless the bench's JVM options for them say otherwise. */
    static long servicesMaxHeapMb(String serviceJvmOptions) {
        long megabytes = 512;
        for (String option : serviceJvmOptions.strip().split("\\s+")) {
            Matcher xmx = XMX.matcher(option);
            if (xmx.matches()) {
                long value = Long.parseLong(xmx.group(1));
                megabytes = switch (xmx.group(2).toLowerCase(Locale.ROOT)) {
                    case "g" -> value * 1024;
                    case "m" -> value;
                    case "k" -> value / 1024;
                    default -> value >> 20;
                };
            }
        }
        return megabytes;
    }

    private static void megabytes(Map<String, Map<String, Long>> peaks, ObjectNode into) {
        synchronized (peaks) {
            peaks.forEach((scope, byProcess) -> {
                ObjectNode inScope = into.putObject(scope);
                byProcess.forEach((process, bytes) -> inScope.put(process, bytes >> 20));
            });
        }
    }

    @Override
    public void close() {
        sampling = false;
        sampler.interrupt();
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        for (long tick = 0; sampling; tick++) {
            long started = System.nanoTime();
            mongoCpuMillis();
            pids.forEach((name, pid) -> compilerCpuMillis(name, pid));
            pids.forEach((name, pid) -> peak(peakRss, name, residentBytes(pid)));
            peak(peakRss, THIS_JVM, residentBytes(ProcessHandle.current().pid()));
            if (tick % HEAP_SCRAPE_EVERY == 0) {
                // the metrics endpoint is what Prometheus scrapes, as often as Prometheus would: a scrape of
                // reporting-service (hundreds of Kafka Streams metrics) every second was a third of its requests' CPU
                metricsUrls.forEach((name, url) -> peak(peakHeap, name, heapUsed(url)));
            }
            peak(peakHeap, THIS_JVM, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - started)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void peak(Map<String, Map<String, Long>> peaks, String name, long value) {
        if (value <= 0) {
            return;
        }
        synchronized (peaks) {
            for (String scope : new String[]{"run", phase}) {
                peaks.computeIfAbsent(scope, s -> new LinkedHashMap<>()).merge(name, value, Math::max);
            }
        }
    }

    private long heapUsed(String url) {
        try {
            Http.Response scrape = new Http(url).get("/actuator/prometheus", tokens.metrics());
            if (scrape.status() != 200) {
                return 0;
            }
            return scrape.body().lines()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (RuntimeException unreachable) {
            return 0;
        }
    }

    /** CPU time of the MongoDB-wire server's threads, remembered per thread so a thread that ends still counts. */
    private long mongoCpuMillis() {
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && (infos[i].getThreadName().startsWith("mongo-server")
                    || infos[i].getThreadName().startsWith("MVStore")
                    || infos[i].getThreadName().startsWith("mongo-journal"))) {
                long nanos = threads.getThreadCpuTime(ids[i]);
                if (nanos > 0) {
                    mongoThreadNanos.merge(ids[i], nanos, Math::max);
                }
            }
        }
        return mongoThreadNanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
    }

    /**
     * CPU time of the process's JIT compiler threads ({@code C1 CompilerThread<n>}, {@code C2 CompilerThread<n>}),
     * from each thread's {@code /proc/<pid>/task/<tid>/stat}; remembered per thread, as HotSpot starts and ends
     * compiler threads as the work comes and goes.
     */
    private long compilerCpuMillis(String name, long pid) {
        Map<Long, Long> seen = compilerThreadMillis.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (var entries = Files.list(tasks)) {
            entries.forEach(task -> {
                try {
                    String comm = Files.readString(task.resolve("comm"));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        long millis = cpuMillis(Files.readString(task.resolve("stat")));
                        seen.merge(Long.parseLong(task.getFileName().toString()), millis, Math::max);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while it was read
                }
            });
        } catch (IOException | RuntimeException gone) {
            // the process is gone: what was seen of it still counts
        }
        return seen.values().stream().mapToLong(Long::longValue).sum();
    }

    /** utime + stime from a {@code stat} line of {@code /proc} (a process's or a thread's), in milliseconds. */
    static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat(5), counted from the state, which is field 3
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** utime + stime of the process, from {@code /proc/<pid>/stat}, in milliseconds; 0 once it is gone. */
    private static long processCpuMillis(long pid) {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
