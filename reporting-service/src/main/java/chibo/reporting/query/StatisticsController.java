package chibo.reporting.query;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import org.springframework.http.HttpHeaders;
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

    StatisticsController(Summaries summaries, OrgFigures figures) {
        this.summaries = summaries;
        this.figures = figures;
    }

    /** One row per child organisation, then the organisation's own total, for the months from..to. */
    @GetMapping("/organizations/{orgId}/statistics.csv")
    @PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '"
            + Roles.AGENCY_WRITER + "')")
    ResponseEntity<String> statistics(@PathVariable String orgId, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        OrgFigures.Counts counts = summaries.readable(Caller.current(), orgId);
        List<YearMonth> period = Summaries.period(from, to);
        YearMonth first = period.getFirst();
        YearMonth last = period.getLast();
        StringBuilder csv = new StringBuilder("\uFEFF").append(StatisticsReport.header());
        for (OrgFigures.Counts child : figures.findHeadlines(counts.children())) {
            csv.append(StatisticsReport.line(child.orgId(), child.name(), StatisticsReport.rows(child, first, last)));
        }
        csv.append(StatisticsReport.line(counts.orgId(), "Tổng cộng: " + counts.name(),
                StatisticsReport.rows(counts, first, last)));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thong-ke-dang-vien-"
                        + orgId.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + first + "-" + last + ".csv\"")
                .body(csv.toString());
    }
}
