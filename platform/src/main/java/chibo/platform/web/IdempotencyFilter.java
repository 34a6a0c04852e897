package chibo.platform.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
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
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code Idempotency-Key} on every POST: the first request with a key runs and its answer is kept; a retry with
 * the same key and the same request gets that answer again ({@code Idempotent-Replayed: true}) and stores nothing
 * new; the same key with a different request is refused (422), as is a retry while the first is still running
 * (409). Keys belong to the caller (the token's subject). Server errors are not kept, so such a request can be
 * retried for real.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag", "Content-Type");

    private final MongoCollection<Document> keys;
    private final Clock clock;

    public IdempotencyFilter(MongoCollection<Document> keys, WebProperties properties, Clock clock) {
        this.keys = keys;
        this.clock = clock;
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

        Document existing = claim(id, fingerprint);
        if (existing != null) {
            answerFromRecord(existing, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new Replayable(request, body), recording);
        } catch (ServletException | IOException | RuntimeException e) {
            keys.deleteOne(Filters.eq("_id", id));
            throw e;
        }
        if (recording.getStatus() >= 500) {
            keys.deleteOne(Filters.eq("_id", id));
        } else {
            Document headers = new Document();
            REPLAYED_HEADERS.forEach(name -> {
                String value = recording.getHeader(name);
                if (value != null) {
                    headers.append(name, value);
                }
            });
            keys.updateOne(Filters.eq("_id", id), new Document("$set", new Document("state", "DONE")
                    .append("status", recording.getStatus())
                    .append("headers", headers)
                    .append("body", new Binary(recording.getContentAsByteArray()))));
        }
        recording.copyBodyToResponse();
    }

    /** Takes the key for this request; returns the record if another request took it first. */
    private Document claim(String id, String fingerprint) {
        try {
            keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", "RUNNING")
                    .append("createdAt", Date.from(clock.instant())));
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = keys.find(Filters.eq("_id", id)).first();
            return existing != null ? existing : new Document("state", "RUNNING").append("fingerprint", fingerprint);
        }
    }

    private static void answerFromRecord(Document record, String fingerprint, HttpServletResponse response)
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
            ProblemWriter.write(response, new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-use",
                    "Request in progress", "a request with this Idempotency-Key is still running; retry shortly"));
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
