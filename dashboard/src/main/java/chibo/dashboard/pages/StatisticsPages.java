package chibo.dashboard.pages;

import chibo.dashboard.DashboardProperties;
import chibo.dashboard.figures.Answer;
import chibo.dashboard.figures.FiguresUnavailable;
import chibo.dashboard.figures.Reporting;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The party statistics report (HD 11 shape) of an organisation over a period: reporting-service's report, read with
 * the reader's own token, as a table on the page and as the CSV file reporting writes.
 */
@Controller
class StatisticsPages {

    private final Reporting reporting;
    private final PageFrame frame;
    private final DashboardProperties properties;
    private final Clock clock;

    StatisticsPages(Reporting reporting, PageFrame frame, DashboardProperties properties, Clock clock) {
        this.reporting = reporting;
        this.frame = frame;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/organisations/{orgId}/statistics")
    String statistics(@PathVariable String orgId, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to,
                      @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                      @AuthenticationPrincipal OidcUser user, Model model) {
        String token = client.getAccessToken().getTokenValue();
        StatisticsTable.Period period = period(from, to);
        Answer<String> report = reporting.statistics(token, orgId, period.from(), period.to());
        model.addAttribute("report", read(report.figures()));
        model.addAttribute("freshness", report.freshness());
        model.addAttribute("period", period);
        frame.frame(model, token, user, reporting.headline(token, orgId), AsOf.of(null, today()));
        return "statistics";
    }

    /** The report as reporting-service wrote it: UTF-8 with a byte-order mark, so spreadsheets read the diacritics. */
    @GetMapping("/organisations/{orgId}/statistics.csv")
    ResponseEntity<byte[]> statisticsFile(@PathVariable String orgId, @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client) {
        StatisticsTable.Period period = period(from, to);
        String csv = reporting.statistics(client.getAccessToken().getTokenValue(), orgId, period.from(),
                period.to()).figures();
        String name = "thong-ke-dang-vien-" + orgId.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + period.from() + "-"
                + period.to() + ".csv";
        return Downloads.attachment(name, Downloads.CSV).body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static StatisticsTable.Report read(String csv) {
        try {
            return StatisticsTable.read(csv);
        } catch (IllegalArgumentException unreadable) {
            throw new FiguresUnavailable("reporting-service's statistics report could not be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    private StatisticsTable.Period period(String from, String to) {
        return StatisticsTable.period(from, to, YearMonth.from(today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(properties.zone())));
    }
}
