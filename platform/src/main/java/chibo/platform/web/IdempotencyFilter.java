package chibo.platform.web;

import chibo.platform.eventstore.Correlation;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code Idempotency-Key} on every POST: the first request with a key runs and its answer is kept; a retry with
 * the same key and the same request gets that answer again ({@code Idempotent-Replayed: true}) and stores nothing
 * new; the same key with a different request is refused (422). Keys belong to the caller (the token's subject).
 * Server errors are not kept, so such a request can be retried for real.
 * <p>
 * A running request holds its key on a lease, renewed while it runs. A retry while the lease holds is told to wait
 * (409 with {@code Retry-After}). A retry after the lease ran out (the instance running the request died) takes the
 * key over and runs the request again, correlated as the first run was ({@link Correlation}, derived from the key):
 * the first run's stored events, if it stored any, are found and answered with, so the decision is neither lost nor
 * made twice. A run that lost its key to a takeover does not overwrite the answer of the run that took it.
 */
public class IdempotencyFilter extends OncePerRequestFilter implements AutoCloseable {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag", "Content-Type");
    private static final String RUNNING = "RUNNING";
    private static final String HOLDER = "holder";
    private static final String LEASE_UNTIL = "leaseUntil";

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable ->
            Thread.ofPlatform().name("idempotency-lease").daemon().unstarted(runnable));

    public IdempotencyFilter(MongoCollection<Document> keys, WebProperties properties, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.lease = properties.idempotencyLease();
        keys.createIndex(Indexes.ascending("createdAt"), new IndexOptions().name("expiry")
                .expireAfter(properties.idempotencyKeysKept().toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            ProblemWriter.write(response, Problems.invalid(HEADER, "size", "an Idempotency-Key is 1 to 200"
                    + " characters"));
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String owner = caller == null ? "anonymous" : caller.getName();
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        String id = owner + "\u0000" + key;
        String holder = UUID.randomUUID().toString();

        Document existing = claim(id, fingerprint, holder);
        boolean resumed = false;
        if (existing != null) {
            if (!fingerprint.equals(existing.getString("fingerprint")) || !RUNNING.equals(existing.getString("state"))
                    || !takeOver(existing, holder)) {
                answerFromRecord(existing, fingerprint, response);
                return;
            }
            resumed = true;
        }
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        Bson held = Filters.and(Filters.eq("_id", id), Filters.eq(HOLDER, holder));
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(held), lease.toMillis() / 3,
                lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        try (Correlation.Scope ignored = Correlation.open(correlation(id), resumed)) {
            chain.doFilter(new Replayable(request, body), recording);
        } catch (ServletException | IOException | RuntimeException e) {
            keys.deleteOne(held);
            throw e;
        } finally {
            renewal.cancel(false);
        }
        if (recording.getStatus() >= 500) {
            keys.deleteOne(held);
        } else {
            Document headers = new Document();
            REPLAYED_HEADERS.forEach(name -> {
                String value = recording.getHeader(name);
                if (value != null) {
                    headers.append(name, value);
                }
            });
            keys.updateOne(held, new Document("$set", new Document("state", "DONE")
                    .append("status", recording.getStatus())
                    .append("headers", headers)
                    .append("body", new Binary(recording.getContentAsByteArray()))));
        }
        recording.copyBodyToResponse();
    }

    /** The correlation of the events a keyed request records: the same for every run of it. */
    static UUID correlation(String id) {
        return UUID.nameUUIDFromBytes(("idempotency-key\u0000" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Takes the key for this request; returns the record if another request took it first. */
    private Document claim(String id, String fingerprint, String holder) {
        try {
            keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", RUNNING)
                    .append(HOLDER, holder).append(LEASE_UNTIL, Date.from(clock.instant().plus(lease)))
                    .append("createdAt", Date.from(clock.instant())));
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = keys.find(Filters.eq("_id", id)).first();
            return existing != null ? existing : new Document("state", RUNNING).append("fingerprint", fingerprint)
                    .append(LEASE_UNTIL, Date.from(clock.instant().plus(lease)));
        }
    }

    /**
     * Takes a running key whose lease has run out, if no one else did meanwhile (the holder it was read with is
     * still the holder). A record without a lease (kept by an earlier chibo) is leased from its creation.
     */
    private boolean takeOver(Document running, String holder) {
        if (clock.instant().isBefore(leaseEnd(running))) {
            return false;
        }
        Bson unchanged = running.containsKey(HOLDER)
                ? Filters.and(Filters.eq("_id", running.get("_id")), Filters.eq(HOLDER, running.getString(HOLDER)))
                : Filters.and(Filters.eq("_id", running.get("_id")), Filters.exists(HOLDER, false));
        return keys.updateOne(Filters.and(unchanged, Filters.eq("state", RUNNING)), Updates.combine(
                Updates.set(HOLDER, holder), Updates.set(LEASE_UNTIL, Date.from(clock.instant().plus(lease))),
                Updates.set("resumedAt", Date.from(clock.instant())))).getModifiedCount() == 1;
    }

    private Instant leaseEnd(Document running) {
        Date until = running.getDate(LEASE_UNTIL);
        if (until != null) {
            return until.toInstant();
        }
        Date created = running.getDate("createdAt");
        return created == null ? Instant.EPOCH : created.toInstant().plus(lease);
    }

    private void renew(Bson held) {
        try {
            keys.updateOne(Filters.and(held, Filters.eq("state", RUNNING)),
                    Updates.set(LEASE_UNTIL, Date.from(clock.instant().plus(lease))));
        } catch (RuntimeException e) {
            // the next renewal tries again; a lease that runs out only lets a retry run the request again
        }
    }

    /** Stops renewing leases (the requests still running keep their keys until their leases run out). */
    @Override
    public void close() {
        renewals.shutdownNow();
    }

    @Override
    public void destroy() {
        close();
    }

    private void answerFromRecord(Document record, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!fingerprint.equals(record.getString("fingerprint"))) {
            ProblemWriter.write(response, new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused", "Idempotency-Key reused", "this Idempotency-Key was used for a"
                    + " different request; use a new key for a new request",
                    List.of(new FieldProblem(HEADER, "same-request", "the key was first used with another"
                            + " method, path or body")), Map.of()));
            return;
        }
        if (!"DONE".equals(record.getString("state"))) {
            long wait = Math.max(1, Duration.between(clock.instant(), leaseEnd(record)).toSeconds() + 1);
            response.setHeader("Retry-After", Long.toString(wait));
            ProblemWriter.write(response, new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-use",
                    "Request in progress", "a request with this Idempotency-Key is still running; retry after "
                    + wait + " s"));
            return;
        }
        response.setStatus(record.getInteger("status"));
        Document headers = record.get("headers", Document.class);
        headers.forEach((name, value) -> response.setHeader(name, String.valueOf(value)));
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(record.get("body", Binary.class).getData());
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so it can be hashed and still be read by the endpoint. */
    private static final class Replayable extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                public int read() {
                    return in.read();
                }

                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                public boolean isFinished() {
                    return in.available() == 0;
                }

                public boolean isReady() {
                    return true;
                }

                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
