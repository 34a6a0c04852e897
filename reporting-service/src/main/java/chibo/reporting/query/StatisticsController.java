package chibo.reporting.query;

import chibo.platform.access.AccessLogged;
import chibo.platform.access.PersonsRead;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/** The party statistics report as CSV ({@link ReportCsv}), and the register of issued reports for inspectors. */
@RestController
class StatisticsController {

    private final Summaries summaries;
    private final OrgFiguresReader figures;
    private final IssuedReports issued;

    StatisticsController(Summaries summaries, OrgFiguresReader figures, IssuedReports issued) {
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
        OrgFiguresView counts = summaries.readable(caller, orgId);
        List<YearMonth> period = Summaries.period(from, to);
        YearMonth first = period.getFirst();
        YearMonth last = period.getLast();
        StringBuilder csv = new StringBuilder(ReportCsv.BYTE_ORDER_MARK).append(StatisticsReport.header());
        for (ChildrenThen.Share child : ChildrenThen.of(orgId, figures.findHeadlines(counts.children()), first,
                last, first.minusMonths(1), last)) {
            csv.append(StatisticsReport.line(child.counts().orgId(), child.counts().name(), new StatisticsReport.Rows(
                    child.stocks().get(0), child.flows(), child.stocks().get(1))));
        }
        csv.append(StatisticsReport.line(counts.orgId(), "Tổng cộng: " + counts.name(),
                StatisticsReport.rows(counts, first, last)));
        byte[] report = csv.toString().getBytes(StandardCharsets.UTF_8);
        String digest = issued.issue(report, IssuedReports.STATISTICS, counts.orgId(), first + "/" + last, caller);
        return ReportCsv.download(report, digest, "thong-ke-dang-vien", orgId, first.toString(), last.toString());
    }

    /**
     * Whether chibo issued the report whose bytes have this SHA-256: an organisation's statistics (which
     * organisation and period) or a member's history (whose), to whom and when.
     */
    @GetMapping("/reports/{sha256}")
    @PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '"
            + Roles.AGENCY_WRITER + "', '" + Roles.DATA_PROTECTION + "')")
    @AccessLogged
    IssuedReports.Issued issuedReport(@PathVariable String sha256) {
        IssuedReports.Issued report = issued.toldTo(Caller.current(), sha256);
        if (report.member() != null) {
            // that a member's history was issued, to whom and when, is itself about the member
            PersonsRead.named(List.of(report.member()));
        }
        return report;
    }
}
