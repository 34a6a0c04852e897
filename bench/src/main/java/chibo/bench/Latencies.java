package chibo.bench;

import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies in milliseconds by name, recorded from many threads at once, summarised as percentiles. */
final class Latencies {

    private final Map<String, double[]> samples = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    synchronized void record(String name, double millis) {
        double[] kept = samples.computeIfAbsent(name, n -> new double[64]);
        int count = counts.getOrDefault(name, 0);
        if (count == kept.length) {
            kept = Arrays.copyOf(kept, count * 2);
            samples.put(name, kept);
        }
        kept[count] = millis;
        counts.put(name, count + 1);
    }

    /** Records the time from {@code startedNanos} until now. */
    void since(String name, long startedNanos) {
        record(name, (System.nanoTime() - startedNanos) / 1e6);
    }

    synchronized double[] of(String name) {
        return Arrays.copyOf(samples.getOrDefault(name, new double[0]), counts.getOrDefault(name, 0));
    }

    /** Count, p50, p95, p99 and max of the name's latencies. */
    ObjectNode summary(ObjectNode into, String name) {
        return BenchResults.percentiles(into, of(name));
    }

    /** The 99th percentile of the name's latencies, or 0 with none. */
    double p99(String name) {
        double[] sorted = of(name);
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : BenchResults.at(sorted, 0.99);
    }
}
