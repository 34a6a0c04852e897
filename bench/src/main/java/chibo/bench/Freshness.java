package chibo.bench;

import chibo.localstack.ApiBodies;
import chibo.localstack.GeneratedProvince;
import chibo.testsupport.Http;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How soon a dashboard sees a change: admissions posted at a fixed rate for a while, each into a random cell,
 * introduced by its secretary and decided by its commune; for each, the time from its 2xx answer until the
 * province's counts include it, seen by a dashboard polling every {@value #POLL_MS} ms. The k-th admission accepted
 * is visible once the province has grown by k.
 */
final class Freshness {

    static final Duration RUN = Duration.ofSeconds(30);
    static final int POLL_MS = 25;
    private static final int IN_FLIGHT = 64;

    private final Http membership;
    private final Http reporting;
    private final Tokens tokens;

    Freshness(Http membership, Http reporting, Tokens tokens) {
        this.membership = membership;
        this.reporting = reporting;
        this.tokens = tokens;
    }

    ObjectNode run(GeneratedProvince province, int rate, ObjectNode into) throws InterruptedException {
        long base = BulkImport.members(reporting, tokens, province.id);
        List<String> cells = province.cells();
        Random random = new Random(7);
        int total = (int) (rate * RUN.toSeconds());
        ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch finished = new CountDownLatch(total);
        List<long[]> polls = new ArrayList<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = Thread.ofPlatform().name("freshness-poller").start(() -> {
            while (polling.get()) {
                long at = System.nanoTime();
                long members = BulkImport.members(reporting, tokens, province.id);
                synchronized (polls) {
                    polls.add(new long[]{at, members});
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, TimeUnit.MILLISECONDS.toNanos(POLL_MS)
                            - (System.nanoTime() - at)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        LocalDate decided = LocalDate.of(2025, 11, 20);
        long started = System.nanoTime();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long wait = started + (long) (i * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                inFlight.acquire();
                String cell = cells.get(random.nextInt(cells.size()));
                Map<String, Object> body = ApiBodies.admission(province.id + "-f" + i, Map.of("fullName",
                                "Người mới " + i, "birthDate", "2000-03-0" + (1 + i % 9), "sex",
                                i % 2 == 0 ? "MALE" : "FEMALE", "ethnicity", "Tày", "education", "UPPER_SECONDARY"),
                        cell, decided.minusDays(21).toString(), decided.toString(), i + "-QĐ/ĐU",
                        province.communeOfCell.get(cell), province.secretaryOf(cell));
                senders.submit(() -> {
                    try {
                        Http.Response response = membership.post("/members/admissions", tokens.writer(), body);
                        if (response.status() / 100 == 2) {
                            acceptedAt.add(System.nanoTime());
                        } else {
                            refused.incrementAndGet();
                        }
                    } finally {
                        inFlight.release();
                        finished.countDown();
                    }
                });
            }
            finished.await();
        }
        double postingSeconds = BenchResults.seconds(started);
        List<Long> accepted = acceptedAt.stream().sorted().toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (BulkImport.members(reporting, tokens, province.id) < base + accepted.size()
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        TimeUnit.MILLISECONDS.sleep(POLL_MS * 2L);
        polling.set(false);
        poller.join();
        double[] latencies = new double[accepted.size()];
        int poll = 0;
        int visible = 0;
        for (int k = 0; k < accepted.size(); k++) {
            while (poll < polls.size() && polls.get(poll)[1] < base + k + 1) {
                poll++;
            }
            if (poll == polls.size()) {
                break;
            }
            latencies[k] = Math.max(0, (polls.get(poll)[0] - accepted.get(k)) / 1e6);
            visible++;
        }
        into.put("command", "POST /members/admissions");
        into.put("offeredPerSecond", rate);
        into.put("seconds", RUN.toSeconds());
        into.put("posted", total);
        into.put("accepted", accepted.size());
        into.put("refused", refused.get());
        into.put("acceptedPerSecond", Math.round(accepted.size() / postingSeconds));
        into.put("pollIntervalMs", POLL_MS);
        into.put("visible", visible);
        BenchResults.percentiles(into.putObject("acceptedToVisible"), Arrays.copyOf(latencies, visible));
        return into;
    }
}
