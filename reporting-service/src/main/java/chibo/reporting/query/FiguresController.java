package chibo.reporting.query;

import chibo.contracts.VietnamTime;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.web.Problems;
import chibo.reporting.figures.Counters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Subtree summaries, time series, comparisons of child organisations. */
@RestController
@PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '" + Roles.AGENCY_WRITER
        + "')")
class FiguresController {

    private static final Pattern METRIC = Pattern.compile(
            "(members|cells|(members|units|positions|flow|meetings|breaches|ratings)\\.[a-z0-9_.'\\-]+)");

    private final Summaries summaries;
    private final OrgFiguresReader figures;
    private final Clock clock;

    FiguresController(Summaries summaries, OrgFiguresReader figures, Clock clock) {
        this.summaries = summaries;
        this.figures = figures;
        this.clock = clock;
    }

    /**
     * Members by status, sex, ethnicity, age band and education, cells, unit and key-position coverage (stock now,
     * or at the end of the month {@code asOf} ends), with the flows, meetings and ratings of the year to then.
     */
    @GetMapping("/organizations/{orgId}/summary")
    Summaries.Summary summary(@PathVariable String orgId, @RequestParam(required = false) String asOf) {
        return summaries.summary(summaries.readable(Caller.current(), orgId), asOf);
    }

    /** One metric per month: a stock at each month's end, a flow's count in each month. */
    @GetMapping("/organizations/{orgId}/series")
    Series series(@PathVariable String orgId, @RequestParam(required = false) String metric,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        // whose figures these are is decided before the request is judged: a caller outside the subtree learns nothing
        OrgFiguresView counts = summaries.readable(Caller.current(), orgId);
        if (metric == null || !METRIC.matcher(metric).matches()) {
            throw Problems.invalid("metric", "known-metric", "name a counter such as members, members.official,"
                    + " flow.admitted, meetings.held or breaches.no_regular_meeting");
        }
        List<YearMonth> period = Summaries.period(from, to);
        long[] values = Figures.series(counts, metric, period);
        List<Point> points = new ArrayList<>(period.size());
        long total = 0;
        for (int i = 0; i < period.size(); i++) {
            points.add(new Point(period.get(i).toString(), values[i]));
            total += values[i];
        }
        boolean stock = Counters.isStock(metric);
        return new Series(orgId, metric, stock ? "stock" : "flow", points, stock ? null : total);
    }

    /**
     * The organisation's children as they stood in the period, side by side: members at {@code asOf} (or now) of
     * those under it then, flows of the months of the period each stood under it ({@link ChildrenThen}).
     */
    @GetMapping("/organizations/{orgId}/children")
    Comparison children(@PathVariable String orgId, @RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        OrgFiguresView parent = summaries.readable(Caller.current(), orgId);
        YearMonth at = Summaries.asOf(asOf);
        YearMonth current = VietnamTime.thisMonth(clock);
        List<YearMonth> period = Summaries.period(from == null ? current.withMonth(1).toString() : from,
                to == null ? current.toString() : to);
        List<Row> rows = new ArrayList<>();
        for (ChildrenThen.Share child : ChildrenThen.of(orgId, figures.findHeadlines(parent.children()),
                period.getFirst(), period.getLast(), at)) {
            rows.add(row(child.counts(), child.stocks().getFirst(), child.flows(), child.under().stream()
                    .map(span -> new Summaries.Period(span.from().toString(), span.to().toString())).toList()));
        }
        return new Comparison(orgId, at == null ? "now" : at.atEndOfMonth().toString(),
                new Summaries.Period(period.getFirst().toString(), period.getLast().toString()),
                row(parent, Figures.stockAt(parent, at), Figures.flowsBetween(parent, period.getFirst(),
                        period.getLast()), null), rows);
    }

    private static Row row(OrgFiguresView counts, Map<String, Long> stock, Map<String, Long> flows,
                           List<Summaries.Period> under) {
        return new Row(counts.orgId(), counts.name(), counts.level(), counts.active(), counts.mergedInto(),
                Summaries.members(stock), Figures.family(flows, Counters.FLOW), under);
    }

    record Point(String month, long value) {
    }

    /** {@code total}: the flow's sum over the period (none for a stock). */
    record Series(String orgId, String metric, String kind, List<Point> points, Long total) {
    }

    /**
     * {@code under}: the months of the period a child stood under the organisation, whose flows its row gives
     * (none in the organisation's own row).
     */
    record Row(String orgId, String name, String level, boolean active, String mergedInto, Summaries.Members members,
               Map<String, Long> flows, List<Summaries.Period> under) {
    }

    record Comparison(String orgId, String stockAt, Summaries.Period period, Row total, List<Row> children) {
    }
}
