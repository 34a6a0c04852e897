package chibo.dashboard.pages;

import chibo.dashboard.DashboardProperties;
import chibo.dashboard.figures.Answer;
import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.FiguresUnavailable;
import chibo.dashboard.figures.LiveRelay;
import chibo.dashboard.figures.OrgHeadline;
import chibo.dashboard.figures.Reporting;
import chibo.dashboard.figures.Series;
import chibo.dashboard.figures.Summary;
import chibo.dashboard.figures.UncoveredUnits;
import chibo.dashboard.login.Reader;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An organisation's pages: its summary (now or as of a past date) with the way down to its children, and its
 * children side by side, as a sortable table, a CSV file or an Excel workbook. Every figure is read with the
 * reader's own token.
 */
@Controller
class OrganisationPages {

    private final Reporting reporting;
    private final LiveRelay live;
    private final DashboardProperties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final PageFrame frame;

    OrganisationPages(Reporting reporting, LiveRelay live, DashboardProperties properties, MessageSource messages,
                      Clock clock, PageFrame frame) {
        this.frame = frame;
        this.reporting = reporting;
        this.live = live;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user) {
        Reader reader = Reader.of(user);
        if (!reader.readsFigures()) {
            return reader.runsFigures() ? "redirect:/projections" : "no-figures";
        }
        return "redirect:/organisations/" + reader.home(properties.rootOrg());
    }

    @GetMapping("/organisations/{orgId}")
    String summary(@PathVariable String orgId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                   @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                   @AuthenticationPrincipal OidcUser user, Model model) {
        String token = client.getAccessToken().getTokenValue();
        AsOf when = asOf(asOf);
        Answer<Summary> summary = reporting.summary(token, orgId, when.figures());
        Answer<Comparison> children = reporting.children(token, orgId, when.figures());
        model.addAttribute("summary", summary.figures());
        model.addAttribute("freshness", summary.freshness());
        Summary yearBefore = yearBefore(token, orgId, when);
        model.addAttribute("yearBefore", yearBefore);
        model.addAttribute("flowLines", FlowComparison.lines(summary.figures().flows(),
                yearBefore == null ? null : yearBefore.flows()));
        model.addAttribute("children", ChildrenTable.sorted(children.figures().children(), "name", false));
        if (when.isNow()) {
            model.addAttribute("unitGaps", unitGaps(token, orgId));
        }
        Summary shown = summary.figures();
        frame(model, token, user, new OrgHeadline(shown.orgId(), shown.name(), shown.level(), shown.parentId()),
                when);
        return "organisation";
    }

    @GetMapping("/organisations/{orgId}/children")
    String children(@PathVariable String orgId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean desc,
                    @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                    @AuthenticationPrincipal OidcUser user, Model model) {
        String token = client.getAccessToken().getTokenValue();
        AsOf when = asOf(asOf);
        Answer<Comparison> comparison = reporting.children(token, orgId, when.figures());
        String column = ChildrenTable.column(sort);
        Comparison figures = comparison.figures();
        model.addAttribute("comparison", figures);
        model.addAttribute("rows", ChildrenTable.sorted(figures.children(), column, desc));
        model.addAttribute("columns", ChildrenTable.COLUMNS);
        model.addAttribute("sort", column);
        model.addAttribute("desc", desc);
        model.addAttribute("freshness", comparison.freshness());
        frame(model, token, user, reporting.headline(token, orgId), when);
        return "children";
    }

    /** One figure month by month, as a chart and as a table (the table is what a screen reader and a printout get). */
    @GetMapping("/organisations/{orgId}/series")
    String series(@PathVariable String orgId, @RequestParam(required = false) String metric,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                  @AuthenticationPrincipal OidcUser user, Model model) {
        String token = client.getAccessToken().getTokenValue();
        String shown = SeriesChoices.metric(metric);
        SeriesChoices.Period period = SeriesChoices.period(from, to,
                YearMonth.now(clock.withZone(ZoneId.of(properties.zone()))));
        Answer<Series> series = reporting.series(token, orgId, shown, period.from(), period.to());
        model.addAttribute("series", series.figures());
        model.addAttribute("freshness", series.freshness());
        model.addAttribute("metrics", SeriesChoices.METRICS);
        model.addAttribute("metric", shown);
        model.addAttribute("period", period);
        frame(model, token, user, reporting.headline(token, orgId), asOf(null));
        return "series";
    }

    /** The organisation's figures as they change, for its page (server-sent events {@code figures}). */
    @GetMapping(path = "/organisations/{orgId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String orgId,
                    @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client) {
        return live.relay(client.getAccessToken().getTokenValue(), orgId);
    }

    /** The children table as a file: {@code children.csv} or {@code children.xlsx}. */
    @GetMapping("/organisations/{orgId}/children.{format:csv|xlsx}")
    ResponseEntity<byte[]> childrenFile(@PathVariable String orgId, @PathVariable String format,
                                        @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @RequestParam(required = false) String sort,
                                        @RequestParam(defaultValue = "false") boolean desc,
                                        @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client) {
        Export export = export(orgId, asOf, sort, desc, client);
        if (format.equals("xlsx")) {
            return Downloads.attachment(export.fileName(format), Downloads.XLSX).body(ChildrenXlsx.of(
                    export.figures(), export.rows(), export.figures().total().name(), export.label()));
        }
        return Downloads.attachment(export.fileName(format), Downloads.CSV).body(
                ChildrenCsv.of(export.figures(), export.rows(), export.label()).getBytes(StandardCharsets.UTF_8));
    }

    /** The children table as exported: the figures, their rows in the page's order, headings, the file's name. */
    private record Export(Comparison figures, List<Comparison.Row> rows, Function<String, String> label,
                          String baseName) {
        String fileName(String extension) {
            return baseName + "." + extension;
        }
    }

    private Export export(String orgId, LocalDate asOf, String sort, boolean desc, OAuth2AuthorizedClient client) {
        AsOf when = asOf(asOf);
        Comparison figures = reporting.children(client.getAccessToken().getTokenValue(), orgId, when.figures())
                .figures();
        Locale locale = LocaleContextHolder.getLocale();
        return new Export(figures, ChildrenTable.sorted(figures.children(), ChildrenTable.column(sort), desc),
                column -> messages.getMessage("column." + column, null, locale),
                orgId + "-children-" + (when.isNow() ? LocalDate.now(clock) : when.figures()));
    }

    @GetMapping("/logged-out")
    String loggedOut() {
        return "logged-out";
    }

    /**
     * The subtree's units without a cell or a resident member, by kind; null when reporting does not give them now
     * (the page says so and shows the rest).
     */
    private List<UnitGaps> unitGaps(String token, String orgId) {
        try {
            UncoveredUnits uncovered = reporting.uncoveredUnits(token, orgId);
            return uncovered == null ? null : UnitGaps.of(uncovered);
        } catch (FiguresRefused | FiguresUnavailable notNow) {
            return null;
        }
    }

    /** The same months a year earlier; none when reporting will not give them (before the organisation existed). */
    private Summary yearBefore(String token, String orgId, AsOf when) {
        LocalDate shown = when.isNow() ? LocalDate.now(clock.withZone(ZoneId.of(properties.zone()))) : when.figures();
        try {
            return reporting.summary(token, orgId, FlowComparison.yearBefore(shown)).figures();
        } catch (FiguresRefused refused) {
            return null;
        }
    }

    private AsOf asOf(LocalDate asked) {
        return AsOf.of(asked, LocalDate.now(clock.withZone(ZoneId.of(properties.zone()))));
    }

    private void frame(Model model, String token, OidcUser user, OrgHeadline shown, AsOf when) {
        frame.frame(model, token, user, shown, when);
    }
}
