package chibo.reporting.query;

import chibo.platform.security.Caller;
import chibo.platform.web.Problems;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The register of reports chibo has issued, by the SHA-256 of the exact bytes of each: an inspector holding a
 * printed or forwarded copy computes its digest ({@code sha256sum}) and asks whether chibo issued it, for which
 * organisation and period, to whom and when. A copy changed by even a byte has another digest, which the register
 * does not know. The same bytes issued again (the same figures asked for again) count as one report, with its first
 * and latest issue.
 */
@Component
class IssuedReports {

    static final String COLLECTION = "issued_reports";
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * One report issued.
     *
     * @param sha256 lower-case hexadecimal SHA-256 of the report's bytes
     * @param times  how many times these exact bytes were issued
     */
    record Issued(String sha256, String kind, String orgId, String period, String firstIssuedTo,
                  Instant firstIssuedAt, String lastIssuedTo, Instant lastIssuedAt, long times) {
    }

    private final MongoCollection<Document> reports;
    private final Clock clock;

    IssuedReports(MongoTemplate mongo, Clock clock) {
        this.reports = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Records the report as issued to the caller; answers its {@code Repr-Digest} header (RFC 9530). */
    String issue(byte[] report, String kind, String orgId, String period, Caller caller) {
        byte[] digest = sha256(report);
        Date now = Date.from(clock.instant());
        reports.updateOne(Filters.eq("_id", HexFormat.of().formatHex(digest)), Updates.combine(
                Updates.setOnInsert("kind", kind), Updates.setOnInsert("orgId", orgId),
                Updates.setOnInsert("period", period), Updates.setOnInsert("firstIssuedTo", caller.subject()),
                Updates.setOnInsert("firstIssuedAt", now), Updates.set("lastIssuedTo", caller.subject()),
                Updates.set("lastIssuedAt", now), Updates.inc("times", 1L)), new UpdateOptions().upsert(true));
        return "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
    }

    /** The report with this digest, if chibo issued it. */
    Optional<Issued> find(String sha256) {
        if (!SHA_256.matcher(sha256).matches()) {
            throw Problems.invalid("sha256", "sha-256-hex", "a report is named by the SHA-256 of its bytes, 64 "
                    + "hexadecimal digits (sha256sum prints them)");
        }
        Document d = reports.find(Filters.eq("_id", sha256.toLowerCase(Locale.ROOT))).first();
        return Optional.ofNullable(d).map(found -> new Issued(found.getString("_id"), found.getString("kind"),
                found.getString("orgId"), found.getString("period"), found.getString("firstIssuedTo"),
                found.getDate("firstIssuedAt").toInstant(), found.getString("lastIssuedTo"),
                found.getDate("lastIssuedAt").toInstant(), ((Number) found.get("times")).longValue()));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
