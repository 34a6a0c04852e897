package chibo.bench;

import chibo.localstack.GeneratedProvince;
import chibo.testsupport.Http;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dashboards reading while the import writes: a few readers each going round a cell's, a commune's, the
 * province's and the country's summary (now and at a past month's end), children, series and statistics report,
 * every answer's latency kept by query and level. A 404 from an organisation reporting has not seen yet (early in
 * the import) is counted apart; any other answer but 200 is an error.
 *
 * <p>Each reader asks one query every {@link #EVERY} (a page of six queries every second and a half, as a person
 * working through a dashboard would), not one after another: readers that ask as fast as they are answered take
 * whatever the cores give them, so the faster the queries, the slower the import measured beside them.
 */
final class DashboardReaders implements AutoCloseable {

    static final int READERS = 8;
    static final Duration EVERY = Duration.ofMillis(250);

    /** A query at one level of the tree. */
    record Query(String name, String level, String path) {
    }

    private final Http reporting;
    private final Tokens tokens;
    private final List<Query> queries;
    private final Latencies latencies = new Latencies();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final AtomicLong notYetSeen = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> firstErrors = new CopyOnWriteArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    private DashboardReaders(Http reporting, Tokens tokens, List<Query> queries) {
        this.reporting = reporting;
        this.tokens = tokens;
        this.queries = queries;
    }

    /** Starts the readers; they read until closed. */
    static DashboardReaders start(Http reporting, Tokens tokens, GeneratedProvince province) {
        DashboardReaders readers = new DashboardReaders(reporting, tokens, queries(province));
        for (int i = 0; i < READERS; i++) {
            int first = i * readers.queries.size() / READERS;
            readers.readers.add(Thread.ofPlatform().name("dashboard-reader-" + i).start(() -> readers.read(first)));
        }
        return readers;
    }

    static List<Query> queries(GeneratedProvince province) {
        List<Query> queries = new ArrayList<>();
        level(queries, "cell", province.cells().getFirst(), false);
        level(queries, "commune", province.communes.getFirst(), true);
        level(queries, "province", province.id, true);
        level(queries, "country", "TW", true);
        return queries;
    }

    private static void level(List<Query> queries, String level, String orgId, boolean hasChildren) {
        String org = "/organizations/" + orgId;
        queries.add(new Query("summary", level, org + "/summary"));
        queries.add(new Query("summary-as-of-2020-12-31", level, org + "/summary?asOf=2020-12-31"));
        if (hasChildren) {
            queries.add(new Query("children", level, org + "/children"));
        }
        queries.add(new Query("series-members-2015-2025", level, org + "/series?metric=members&from=2015-01"
                + "&to=2025-12"));
        if (hasChildren) {
            queries.add(new Query("statistics-csv-2020-2023", level, org + "/statistics.csv?from=2020-01"
                    + "&to=2023-12"));
        }
    }

    private void read(int first) {
        long next = System.nanoTime();
        for (int i = first; reading.get(); i++) {
            Query query = queries.get(i % queries.size());
            next += EVERY.toNanos();
            long started = System.nanoTime();
            Http.Response response;
            try {
                response = reporting.get(query.path(), tokens.dashboard());
            } catch (RuntimeException e) {
                error(query, e.toString());
                continue;
            }
            if (response.status() == 200) {
                latencies.since(query.name() + "@" + query.level(), started);
            } else if (response.status() == 404) {
                notYetSeen.incrementAndGet();
            } else {
                error(query, response.toString());
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void error(Query query, String what) {
        errors.incrementAndGet();
        if (firstErrors.size() < 5) {
            firstErrors.add(query.path() + " -> " + what.substring(0, Math.min(300, what.length())));
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
    }

    /** The worst 99th percentile of any query at any level. */
    double worstP99() {
        double worst = 0;
        for (Query query : queries) {
            worst = Math.max(worst, latencies.p99(query.name() + "@" + query.level()));
        }
        return worst;
    }

    ObjectNode results(ObjectNode into) {
        into.put("readers", READERS);
        long answered = 0;
        ObjectNode byQuery = into.putObject("byQuery");
        for (Query query : queries) {
            ObjectNode levels = byQuery.has(query.name()) ? (ObjectNode) byQuery.get(query.name())
                    : byQuery.putObject(query.name());
            ObjectNode stats = latencies.summary(levels.putObject(query.level()), query.name() + "@" + query.level());
            stats.put("path", query.path());
            answered += stats.get("count").asLong();
        }
        into.put("answered200", answered);
        into.put("notYetSeen404", notYetSeen.get());
        into.put("errors", errors.get());
        firstErrors.forEach(into.putArray("firstErrors")::add);
        into.put("worstP99Ms", BenchResults.round(worstP99()));
        return into;
    }
}
