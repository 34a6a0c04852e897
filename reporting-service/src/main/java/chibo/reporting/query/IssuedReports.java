package chibo.reporting.query;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
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
 * and latest issue. Two kinds: an organisation's statistics, told of to those who read the organisation's figures,
 * and a member's history, told of only to those who may read members' histories (it names the member).
 */
@Component
public class IssuedReports {

    static final String COLLECTION = "issued_reports";
    static final String STATISTICS = "statistics";
    static final String MEMBER_HISTORY = "member-history";
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * One report issued.
     *
     * @param sha256 lower-case hexadecimal SHA-256 of the report's bytes
     * @param orgId  the organisation of a statistics report (null for a member's history)
     * @param period the months of a statistics report (null for a member's history)
     * @param member the member whose history it is (null for a statistics report)
     * @param times  how many times these exact bytes were issued
     */
    public record Issued(String sha256, String kind, String orgId, String period, String member,
                         String firstIssuedTo, Instant firstIssuedAt, String lastIssuedTo, Instant lastIssuedAt,
                         long times) {
    }

    private final MongoCollection<Document> reports;
    private final Summaries summaries;
    private final Clock clock;

    IssuedReports(MongoTemplate mongo, Summaries summaries, Clock clock) {
        this.reports = mongo.getCollection(COLLECTION);
        this.summaries = summaries;
        this.clock = clock;
    }

    /** Records the report as issued to the caller; answers its {@code Repr-Digest} header (RFC 9530). */
    String issue(byte[] report, String kind, String orgId, String period, Caller caller) {
        return issue(report, kind, orgId, period, null, caller, clock.instant());
    }

    /**
     * Records a member's history, issued to the caller at {@code issuedAt} (the moment the history states), as
     * issued; answers its {@code Repr-Digest} header (RFC 9530).
     */
    public String issueMemberHistory(byte[] report, String memberId, Caller caller, Instant issuedAt) {
        return issue(report, MEMBER_HISTORY, null, null, memberId, caller, issuedAt);
    }

    private String issue(byte[] report, String kind, String orgId, String period, String member, Caller caller,
                         Instant issuedAt) {
        byte[] digest = sha256(report);
        Date now = Date.from(issuedAt);
        reports.updateOne(Filters.eq("_id", HexFormat.of().formatHex(digest)), Updates.combine(
                Updates.setOnInsert("kind", kind), Updates.setOnInsert("orgId", orgId),
                Updates.setOnInsert("period", period), Updates.setOnInsert("member", member),
                Updates.setOnInsert("firstIssuedTo", caller.subject()),
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
                found.getString("orgId"), found.getString("period"), found.getString("member"),
                found.getString("firstIssuedTo"),
                found.getDate("firstIssuedAt").toInstant(), found.getString("lastIssuedTo"),
                found.getDate("lastIssuedAt").toInstant(), ((Number) found.get("times")).longValue()));
    }

    /**
     * The report with this digest, if chibo issued it and the caller may know of it: a statistics report for
     * readers and writers of the organisation's subtree and auditors, a member's history for auditors and the
     * data-protection role. A report the caller may not know of is not found, as if chibo had never issued it.
     */
    Issued toldTo(Caller caller, String sha256) {
        Issued report = find(sha256).orElseThrow(() -> Problems.notFound("issued report", sha256));
        if (MEMBER_HISTORY.equals(report.kind())) {
            if (!caller.has(Roles.AUDITOR) && !caller.has(Roles.DATA_PROTECTION)) {
                throw Problems.notFound("issued report", sha256);
            }
            return report;
        }
        if (!caller.has(Roles.AUDITOR) && !caller.has(Roles.DASHBOARD_READER) && !caller.has(Roles.AGENCY_WRITER)) {
            throw Problems.notFound("issued report", sha256);
        }
        try {
            summaries.readable(caller, report.orgId());
        } catch (ProblemException outside) {
            // a report of another subtree is not the caller's to know of
            throw outside.status() == HttpStatus.FORBIDDEN ? Problems.notFound("issued report", sha256) : outside;
        }
        return report;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
