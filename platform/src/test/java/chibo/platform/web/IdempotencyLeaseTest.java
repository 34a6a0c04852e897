package chibo.platform.web;

import chibo.platform.eventstore.Correlation;
import chibo.testsupport.MovingClock;
import chibo.testsupport.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that was running when its instance died leaves its key on a lease: retries are told to wait while the
 * lease holds, and the first retry after it runs the request again — with the first run's correlation, marked as
 * resumed, so that what the first run stored is found rather than decided twice.
 */
class IdempotencyLeaseTest {

    private static final MongoClient CLIENT = MongoClients.create(TestMongo.uri("platform"));
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoCollection<Document> keys = CLIENT.getDatabase("web_" + UUID.randomUUID().toString()
            .replace("-", "")).getCollection(IdempotencyFilter.COLLECTION);
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final List<IdempotencyFilter> instances = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    @AfterEach
    void closeInstances() {
        instances.forEach(IdempotencyFilter::close);
    }

    /** What the endpoint saw of a run. */
    private record Run(String instance, UUID correlation, boolean resumed) {
    }

    private IdempotencyFilter instance(Duration lease) {
        IdempotencyFilter filter = new IdempotencyFilter(keys, new WebProperties(null, null, null, lease), clock);
        instances.add(filter);
        return filter;
    }

    private static MockHttpServletRequest post(String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/members/admissions");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** The endpoint: notes the run, waits for {@code release} if given, and answers 201 naming the instance. */
    private FilterChain endpoint(String instance, CountDownLatch entered, CountDownLatch release) {
        return (request, response) -> {
            synchronized (runs) {
                runs.add(new Run(instance, Correlation.fixed().orElse(null), Correlation.resumed()));
            }
            entered.countDown();
            try {
                if (release != null && !release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(201);
            http.setHeader("Location", "/members/m-1");
            http.getOutputStream().write(("created by " + instance).getBytes(StandardCharsets.UTF_8));
        };
    }

    private MockHttpServletResponse send(IdempotencyFilter filter, String key, String body, FilterChain chain)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post(key, body), response, chain);
        return response;
    }

    /** Starts a request on {@code filter} whose endpoint holds until {@code release}; returns once it runs. */
    private CompletableFuture<MockHttpServletResponse> startHeld(IdempotencyFilter filter, String key, String body,
                                                                 CountDownLatch release) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return send(filter, key, body, endpoint("a", entered, release));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        return answer;
    }

    @Test
    void a_retry_after_the_lease_of_a_request_cut_off_runs_it_again_as_the_same_command() throws Exception {
        IdempotencyFilter a = instance(LEASE);
        IdempotencyFilter b = instance(LEASE);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = startHeld(a, "k-1", "{\"n\":1}", release);
        a.close(); // instance a dies: nothing renews its lease any more

        MockHttpServletResponse early = send(b, "k-1", "{\"n\":1}", endpoint("b", new CountDownLatch(1), null));
        clock.advance(LEASE.plusSeconds(1));
        MockHttpServletResponse late = send(b, "k-1", "{\"n\":1}", endpoint("b", new CountDownLatch(1), null));

        assertThat(early.getStatus()).isEqualTo(409);
        assertThat(Long.parseLong(early.getHeader("Retry-After"))).isBetween(1L, LEASE.toSeconds() + 1);
        assertThat(late.getStatus()).isEqualTo(201);
        assertThat(late.getContentAsString()).isEqualTo("created by b");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).correlation()).as("the same command").isEqualTo(runs.get(0).correlation())
                .isNotNull();
        assertThat(runs).extracting(Run::resumed).containsExactly(false, true);

        // instance a was only stalled; its late answer must not replace the one given by b
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        MockHttpServletResponse replay = send(b, "k-1", "{\"n\":1}", endpoint("b", new CountDownLatch(1), null));
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getContentAsString()).isEqualTo("created by b");
        assertThat(runs).hasSize(2);
    }

    @Test
    void a_running_request_renews_its_lease_so_retries_keep_waiting() throws Exception {
        Duration lease = Duration.ofMillis(300);
        IdempotencyFilter a = instance(lease);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = startHeld(a, "k-2", "{}", release);

        clock.advance(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.find(Filters.eq("_id", "anonymous\u0000k-2"))
                .first().getDate("leaseUntil").toInstant().isAfter(clock.instant()));
        MockHttpServletResponse retry = send(instance(lease), "k-2", "{}", endpoint("b", new CountDownLatch(1),
                null));
        release.countDown();

        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(runs).extracting(Run::instance).containsExactly("a");
    }

    @Test
    void a_running_key_kept_by_an_earlier_chibo_without_a_lease_is_leased_from_its_creation() throws Exception {
        IdempotencyFilter filter = instance(LEASE);
        send(filter, "k-3", "{}", endpoint("a", new CountDownLatch(1), null));
        Document done = keys.find(Filters.eq("_id", "anonymous\u0000k-3")).first();
        keys.insertOne(new Document("_id", "anonymous\u0000k-4").append("fingerprint", done.getString("fingerprint"))
                .append("state", "RUNNING").append("createdAt", Date.from(clock.instant().minus(Duration.ofHours(1)))));

        MockHttpServletResponse retry = send(filter, "k-4", "{}", endpoint("b", new CountDownLatch(1), null));

        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(runs).extracting(Run::resumed).containsExactly(false, true);
    }

    @Test
    void a_retry_with_another_request_under_a_lapsed_key_is_still_refused() throws Exception {
        IdempotencyFilter a = instance(LEASE);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = startHeld(a, "k-5", "{\"n\":1}", release);
        a.close();
        clock.advance(LEASE.plusSeconds(1));

        MockHttpServletResponse other = send(instance(LEASE), "k-5", "{\"n\":2}", endpoint("b",
                new CountDownLatch(1), null));
        release.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(runs).extracting(Run::instance).containsExactly("a");
    }
}
