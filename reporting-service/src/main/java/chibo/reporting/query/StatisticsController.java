package chibo.reporting.query;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/** The party statistics report as CSV (UTF-8 with a byte-order mark, so spreadsheets read Vietnamese right). */
@RestController
class StatisticsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Summaries summaries;
    private final OrgFigures figures;
    private final IssuedReports issued;

    StatisticsController(Summaries summaries, OrgFigures figures, IssuedReports issued) {
        this.summaries = summaries;
        this.figures = figures;
        this.issued = issued;
    }

    /**
     * One row per child organisation as they stood in the months from..to ({@link ChildrenThen}: members at the
     * start and end of the period while under the organisation, flows of the months under it), then the
     * organisation's own total. The answer
     * carries the SHA-256 of its bytes ({@code Repr-Digest}, RFC 9530), and the report is entered in the register of
     * issued reports under it ({@link IssuedReports}).
     */
    @GetMapping("/organizations/{orgId}/statistics.csv")
    @PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '"
            + Roles.AGENCY_WRITER + "')")
    ResponseEntity<byte[]> statistics(@PathVariable String orgId, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        Caller caller = Caller.current();
        OrgFigures.Counts counts = summaries.readable(caller, orgId);
        List<YearMonth> period = Summaries.period(from, to);
        YearMonth first = period.getFirst();
        YearMonth last = period.getLast();
        StringBuilder csv = new StringBuilder("\uFEFF").append(StatisticsReport.header());
        for (ChildrenThen.Share child : ChildrenThen.of(orgId, figures.findHeadlines(counts.children()), first,
                last, first.minusMonths(1), last)) {
            csv.append(StatisticsReport.line(child.counts().orgId(), child.counts().name(), new StatisticsReport.Rows(
                    child.stocks().get(0), child.flows(), child.stocks().get(1))));
        }
        csv.append(StatisticsReport.line(counts.orgId(), "Tổng cộng: " + counts.name(),
                StatisticsReport.rows(counts, first, last)));
        byte[] report = csv.toString().getBytes(StandardCharsets.UTF_8);
        String digest = issued.issue(report, "statistics", counts.orgId(), first + "/" + last, caller);
        return ResponseEntity.ok().contentType(CSV).header("Repr-Digest", digest)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thong-ke-dang-vien-"
                        + orgId.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + first + "-" + last + ".csv\"")
                .body(report);
    }

    /** Whether chibo issued the report whose bytes have this SHA-256: for which organisation and period, to whom. */
    @GetMapping("/reports/{sha256}")
    @PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '"
            + Roles.AGENCY_WRITER + "')")
    IssuedReports.Issued issuedReport(@PathVariable String sha256) {
        IssuedReports.Issued report = issued.find(sha256)
                .orElseThrow(() -> Problems.notFound("issued report", sha256));
        try {
            summaries.readable(Caller.current(), report.orgId());
        } catch (ProblemException outside) {
            // a report of another subtree is not the caller's to know of
            throw outside.status() == HttpStatus.FORBIDDEN ? Problems.notFound("issued report", sha256) : outside;
        }
        return report;
    }
}
