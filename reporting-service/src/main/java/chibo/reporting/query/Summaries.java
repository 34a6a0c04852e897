package chibo.reporting.query;

import chibo.contracts.VietnamTime;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;
import chibo.reporting.figures.Counters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures dashboards read, made from the stored aggregates of one organisation and its subtree. */
@Component
public class Summaries {

    private final OrgFiguresReader figures;
    private final SubtreeGuard guard;
    private final Clock clock;

    Summaries(OrgFiguresReader figures, SubtreeGuard guard, Clock clock) {
        this.figures = figures;
        this.guard = guard;
        this.clock = clock;
    }

    /** The organisation's figures, readable by the caller, or 404 / 403. */
    OrgFiguresView readable(Caller caller, String orgId) {
        OrgFiguresView counts = figures.find(orgId).orElseThrow(() -> Problems.notFound("organisation", orgId));
        guard.requireReadable(caller, orgId, "orgId");
        return counts;
    }

    /**
     * The summary: stock now, or at the end of the month {@code asOf} ends; flows and meetings of the year up to
     * that month.
     */
    public Summary summary(OrgFiguresView counts, String asOfParameter) {
        YearMonth asOf = asOf(asOfParameter);
        YearMonth through = asOf != null ? asOf : VietnamTime.thisMonth(clock);
        Map<String, Long> stock = Figures.stockAt(counts, asOf);
        YearMonth from = through.withMonth(1);
        Map<String, Long> flows = Figures.flowsBetween(counts, from, through);
        return new Summary(counts.orgId(), counts.name(), counts.level(), counts.parentId(), counts.active(),
                counts.mergedInto(), asOf == null ? "now" : asOf.atEndOfMonth().toString(), members(stock),
                Figures.family(stock, "members.sex."), Figures.family(stock, "members.ethnicity."),
                Figures.ageBands(stock, through.getYear()), Figures.family(stock, "members.education."),
                stock.getOrDefault(Counters.CELLS, 0L), units(stock), positions(stock),
                new Period(from.toString(), through.toString()), Figures.family(flows, Counters.FLOW),
                meetings(counts, flows, from, through), ratings(counts.counters()), counts.version(),
                counts.lastRecordedAt());
    }

    static Members members(Map<String, Long> stock) {
        long total = stock.getOrDefault(Counters.MEMBERS, 0L);
        long women = stock.getOrDefault("members.sex.female", 0L);
        long kinh = stock.getOrDefault("members.ethnicity.kinh", 0L);
        long unknown = stock.getOrDefault("members.ethnicity.unknown", 0L);
        return new Members(total, stock.getOrDefault("members.probationary", 0L),
                stock.getOrDefault("members.official", 0L), stock.getOrDefault(Counters.EXEMPTED, 0L), women,
                total - kinh - unknown);
    }

    private static Map<String, UnitCoverage> units(Map<String, Long> stock) {
        Map<String, UnitCoverage> units = new TreeMap<>();
        Figures.family(stock, "units.").forEach((kind, total) -> units.put(kind, new UnitCoverage(total,
                stock.getOrDefault("units." + kind + ".without_cell", 0L),
                stock.getOrDefault("units." + kind + ".without_member", 0L))));
        return units;
    }

    private static Map<String, PositionCoverage> positions(Map<String, Long> stock) {
        Map<String, PositionCoverage> positions = new TreeMap<>();
        Figures.family(stock, "positions.").forEach((position, held) -> {
            long byMembers = stock.getOrDefault("positions." + position + ".members", 0L);
            positions.put(position, new PositionCoverage(held, byMembers, Figures.percent(byMembers, held)));
        });
        return positions;
    }

    private static Meetings meetings(OrgFiguresView counts, Map<String, Long> flows, YearMonth from,
                                     YearMonth through) {
        long required = 0;
        for (long cells : Figures.series(counts, Counters.CELLS, period(from.toString(), through.toString()))) {
            required += cells;
        }
        long expected = flows.getOrDefault(Counters.ATTENDANCE_EXPECTED, 0L);
        long present = flows.getOrDefault(Counters.ATTENDANCE_PRESENT, 0L);
        long regular = flows.getOrDefault("meetings.regular", 0L) + flows.getOrDefault("meetings.combined", 0L);
        return new Meetings(flows.getOrDefault(Counters.MEETINGS_HELD, 0L), regular,
                flows.getOrDefault("meetings.thematic", 0L) + flows.getOrDefault("meetings.combined", 0L),
                required, Figures.percent(regular, required), expected, present,
                flows.getOrDefault(Counters.ATTENDANCE_EXCUSED, 0L),
                flows.getOrDefault(Counters.ATTENDANCE_UNEXCUSED, 0L), Figures.percent(present, expected),
                flows.getOrDefault(Counters.VISITS, 0L), flows.getOrDefault(Counters.QUALITY_MET, 0L),
                Figures.family(flows, "meetings.grade."), Figures.family(flows, Counters.BREACHES));
    }

    /** Ratings by year and level: {@code members} and {@code cells}, and the cells titled "Chi bộ 4 tốt". */
    static Map<String, Map<String, Map<String, Long>>> ratings(Map<String, Long> counters) {
        Map<String, Map<String, Map<String, Long>>> ratings = new TreeMap<>();
        counters.forEach((name, value) -> {
            String[] parts = name.split("\\.");
            if (parts.length == 4 && parts[0].equals("ratings")) {
                ratings.computeIfAbsent(parts[1], who -> new TreeMap<>())
                        .computeIfAbsent(parts[2], year -> new TreeMap<>()).put(parts[3], value);
            }
        });
        return ratings;
    }

    /**
     * The month whose end {@code asOf} is, or null without one.
     *
     * @throws ProblemException 400 naming {@code asOf} when it is not a date or not the last day of a month
     */
    static YearMonth asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw Problems.invalid("asOf", "date", "'" + asOf + "' is not a date (YYYY-MM-DD)");
        }
        if (!date.equals(YearMonth.from(date).atEndOfMonth())) {
            throw Problems.invalid("asOf", "end-of-month", "figures are kept per month: give the last day of a"
                    + " month, e.g. " + YearMonth.from(date).atEndOfMonth());
        }
        return YearMonth.from(date);
    }

    /** A month parameter ({@code 2025-07}), or 400 naming the field. */
    static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "required", "give a month, e.g. 2025-07");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "month", "'" + value + "' is not a month (YYYY-MM)");
        }
    }

    /** The period {@code from}..{@code to}: to not before from, at most 50 years. */
    static List<YearMonth> period(String from, String to) {
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw Problems.invalid("to", "not-before-from", "to (" + last + ") is before from (" + first + ")");
        }
        if (first.plusYears(50).isBefore(last)) {
            throw Problems.invalid("to", "at-most-50-years", "a period covers at most 50 years");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    public record Summary(String orgId, String name, String level, String parentId, boolean active,
                          String mergedInto, String stockAt, Members members, Map<String, Long> bySex,
                          Map<String, Long> byEthnicity, Map<String, Long> byAgeBand, Map<String, Long> byEducation,
                          long cells, Map<String, UnitCoverage> units, Map<String, PositionCoverage> positions,
                          Period period, Map<String, Long> flows, Meetings meetings,
                          Map<String, Map<String, Map<String, Long>>> ratings, long version,
                          Instant lastRecordedAt) {
    }

    /** Active members; {@code ethnicMinority}: members of an ethnicity other than Kinh (unknown left out). */
    public record Members(long total, long probationary, long official, long exempted, long women,
                          long ethnicMinority) {
    }

    public record UnitCoverage(long total, long withoutCell, long withoutMember) {
    }

    public record PositionCoverage(long held, long heldByMembers, Double memberSharePercent) {
    }

    public record Period(String from, String to) {
    }

    /**
     * Meetings of the period. {@code regularRequired}: one regular meeting per cell per month (cells counted at
     * each month's end); a combined meeting counts as regular and thematic.
     */
    public record Meetings(long held, long regular, long thematic, long regularRequired, Double regularHeldPercent,
                           long attendanceExpected, long present, long excused, long unexcused,
                           Double attendancePercent, long higherLevelVisits, long qualityMet,
                           Map<String, Long> grades, Map<String, Long> breaches) {
    }
}
