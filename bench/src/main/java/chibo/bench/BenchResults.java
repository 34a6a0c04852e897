package chibo.bench;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** What every benchmark result says about itself, and where it goes: {@code bench/results/<name>-<time>.json}. */
final class BenchResults {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchResults() {
    }

    /** A result with the benchmark's name, the time, the commit measured and the machine. */
    static ObjectNode start(String benchmark) {
        ObjectNode result = JSON.createObjectNode();
        result.put("benchmark", benchmark);
        result.put("date", Instant.now().toString());
        result.put("commit", System.getProperty("chibo.bench.commit", "unknown"));
        ObjectNode machine = result.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("note", "broker, MongoDB-wire server (in this process), auth server, three services and this"
                + " client share the cores");
        return result;
    }

    static Path write(String benchmark, ObjectNode result) {
        Path results = Path.of(System.getProperty("chibo.bench.results", "bench/results"));
        result.put("heapOfThisProcessMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path file = results.resolve(benchmark + "-" + stamp + ".json");
        try {
            Files.createDirectories(results);
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result);
            Files.writeString(file, json + "\n");
            System.out.println(json);
            System.out.println("written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Latencies in milliseconds, as count, p50, p95, p99 and max. */
    static ObjectNode percentiles(ObjectNode into, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        into.put("count", sorted.length);
        if (sorted.length == 0) {
            return into;
        }
        into.put("p50Ms", round(at(sorted, 0.50)));
        into.put("p95Ms", round(at(sorted, 0.95)));
        into.put("p99Ms", round(at(sorted, 0.99)));
        into.put("maxMs", round(sorted[sorted.length - 1]));
        return into;
    }

    static double at(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
