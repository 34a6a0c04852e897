package chibo.bench;

import chibo.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Replay speed: a full rebuild of every figure into a new projection version through reporting-service's public
 * API ({@code POST /projections/rebuilds}), input events over the time until the version has caught up; then the
 * rebuilt figures must equal the live ones.
 */
final class Rebuild {

    /** After catching up, the new version's last figures may still be on their way to the store. */
    private static final Duration SETTLING = Duration.ofMinutes(2);

    private final Http reporting;
    private final Tokens tokens;
    private final Duration patience;

    Rebuild(Http reporting, Tokens tokens, Duration patience) {
        this.reporting = reporting;
        this.tokens = tokens;
        this.patience = patience;
    }

    ObjectNode run(ObjectNode into) throws InterruptedException {
        String version = "v-bench-" + System.currentTimeMillis() % 100_000;
        long started = System.nanoTime();
        ProvinceSetup.expect(reporting.post("/projections/rebuilds", tokens.operator(), Map.of("version", version)),
                202);
        JsonNode progress = awaitCaughtUp(version);
        double seconds = BenchResults.seconds(started);
        long events = progress.get("done").asLong();
        StackBench.progress("rebuilt " + events + " events into " + version + " in " + BenchResults.round(seconds)
                + " s; comparing with the live figures");
        JsonNode differences = awaitNoDifferences(version);
        into.put("version", version);
        into.put("events", events);
        into.put("seconds", BenchResults.round(seconds));
        into.put("eventsPerSecond", Math.round(events / seconds));
        into.put("figuresEqualLive", differences.isEmpty());
        // folded in one pass and handed to the version's topology, or declined (and why): the rest of the time is
        // the topology's start, its stores' restoration and the tail it folds itself
        if (progress.hasNonNull("onePass")) {
            into.set("onePass", progress.get("onePass"));
        }
        if (!differences.isEmpty()) {
            into.put("firstDifferences", differences.toString().substring(0,
                    Math.min(1000, differences.toString().length())));
        }
        return into;
    }

    private JsonNode awaitCaughtUp(String version) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode progress = reporting.get("/projections/" + version, tokens.auditor()).json();
            if (progress.get("caughtUp").asBoolean()) {
                return progress;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("projection version " + version + " did not catch up within " + patience);
    }

    private JsonNode awaitNoDifferences(String version) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLING.toNanos();
        while (true) {
            JsonNode differences = reporting.get("/projections/" + version + "/differences", tokens.auditor()).json();
            if (differences.isEmpty() || System.nanoTime() > deadline) {
                return differences;
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }
}
