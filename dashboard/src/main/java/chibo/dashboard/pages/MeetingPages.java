package chibo.dashboard.pages;

import chibo.dashboard.DashboardProperties;
import chibo.dashboard.figures.Answer;
import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.MeetingFigures;
import chibo.dashboard.figures.OrgHeadline;
import chibo.dashboard.figures.Reporting;
import chibo.dashboard.figures.Series;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An organisation's cell meetings over a year: held against the duty, attendance, grades, breaches, and a heat map of
 * the organisations below × the months. Every figure is reporting-service's, read with the reader's own token.
 */
@Controller
class MeetingPages {

    /** chibo keeps history back to 2015 (the migrations' start). */
    static final int FIRST_YEAR = 2015;

    private final Reporting reporting;
    private final PageFrame frame;
    private final Clock clock;
    private final ZoneId zone;

    MeetingPages(Reporting reporting, PageFrame frame, Clock clock, DashboardProperties properties) {
        this.reporting = reporting;
        this.frame = frame;
        this.clock = clock;
        this.zone = ZoneId.of(properties.zone());
    }

    @GetMapping("/organisations/{orgId}/meetings")
    String meetings(@PathVariable String orgId, @RequestParam(required = false) String year,
                    @RequestParam(required = false) String show,
                    @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                    @AuthenticationPrincipal OidcUser user, Model model) {
        String token = client.getAccessToken().getTokenValue();
        YearMonth now = YearMonth.now(clock.withZone(zone));
        int shownYear = year(year, now.getYear());
        YearMonth last = shownYear == now.getYear() ? now : YearMonth.of(shownYear, 12);
        LocalDate asOf = shownYear == now.getYear() ? null : last.atEndOfMonth();
        Answer<MeetingFigures> figures = reporting.meetings(token, orgId, asOf);
        MeetingFigures shown = figures.figures();
        List<Comparison.Row> children = ChildrenTable.sorted(reporting.children(token, orgId, asOf).figures()
                .children(), "name", false);
        List<MeetingHeatMap.Row> rows = children.isEmpty() ? List.of(new MeetingHeatMap.Row(orgId, shown.name()))
                : children.stream().map(child -> new MeetingHeatMap.Row(child.orgId(), child.name())).toList();
        YearMonth first = YearMonth.of(shownYear, 1);
        List<YearMonth> months = IntStream.rangeClosed(1, last.getMonthValue()).mapToObj(first::withMonth).toList();
        String what = MeetingHeatMap.shown(show);
        model.addAttribute("figures", shown);
        model.addAttribute("meetings", shown.meetings());
        model.addAttribute("freshness", figures.freshness());
        model.addAttribute("heatMap", MeetingHeatMap.of(what, rows, months,
                (id, counter) -> values(reporting.series(token, id, counter, first, last).figures(), months.size())));
        model.addAttribute("year", shownYear);
        model.addAttribute("years", IntStream.rangeClosed(FIRST_YEAR, now.getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("choices", MeetingHeatMap.CHOICES);
        model.addAttribute("grades", List.of("good", "fair", "average", "poor"));
        model.addAttribute("breachKinds", List.of("no_regular_meeting", "no_thematic_meeting"));
        frame.frame(model, token, user, new OrgHeadline(shown.orgId(), shown.name(), shown.level(),
                shown.parentId()), AsOf.NOW);
        return "meetings";
    }

    /** The year asked for when it is one chibo can show, else this year. */
    static int year(String asked, int thisYear) {
        try {
            int year = Integer.parseInt(asked == null ? "" : asked.strip());
            return year >= FIRST_YEAR && year <= thisYear ? year : thisYear;
        } catch (NumberFormatException unreadable) {
            return thisYear;
        }
    }

    private static long[] values(Series series, int months) {
        long[] values = new long[months];
        List<Series.Point> points = series.points() == null ? new ArrayList<>() : series.points();
        for (int i = 0; i < months && i < points.size(); i++) {
            values[i] = points.get(i).value();
        }
        return values;
    }
}
