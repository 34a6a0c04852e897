package chibo.dashboard.pages;

import chibo.dashboard.figures.MeetingFigures;
import chibo.dashboard.figures.Summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An organisation's whole summary as a report showed it on a past day beside the same summary now, figure by figure,
 * in the sections the organisation page shows it (then its meetings and ratings): an auditor reads at a glance which
 * figures events recorded later have changed.
 */
public record SummaryComparison(List<Section> sections) {

    /**
     * @param id    the section's id on the page ({@code by-sex} …)
     * @param title the message key of its title
     */
    public record Section(String id, String title, List<Line> lines) {

        /** How many of its figures differ. */
        public long differing() {
            return lines.stream().filter(Line::differs).count();
        }
    }

    /** A part of a figure's name: a message key, and the text shown when there is no such message (or no key). */
    public record Label(String key, String fallback) {
    }

    /**
     * One figure on both sides.
     *
     * @param figure   its name: {@code members.total}, {@code bySex.female}, {@code units.village.withoutCell} …
     * @param labels   its name as read, in parts ({@code Thôn, bản · Chưa có chi bộ})
     * @param percent  whether it is a share in per cent (then either side may be null: no share to take)
     * @param reported as the report showed it
     * @param now      as it stands now
     */
    public record Line(String figure, List<Label> labels, boolean percent, Number reported, Number now) {

        public boolean differs() {
            return !Objects.equals(reported, now);
        }

        public String reported(Formats fmt) {
            return shown(reported, fmt);
        }

        public String now(Formats fmt) {
            return shown(now, fmt);
        }

        /** Now less as reported, signed; a dash when a share is missing on either side. */
        public String difference(Formats fmt) {
            if (reported == null || now == null) {
                return "—";
            }
            double change = now.doubleValue() - reported.doubleValue();
            String sign = change > 0 ? "+" : "";
            return sign + (percent ? fmt.percent(change) : fmt.number(now.longValue() - reported.longValue()));
        }

        private String shown(Number value, Formats fmt) {
            return percent ? fmt.percent(value == null ? null : value.doubleValue())
                    : fmt.number(value == null ? 0 : value.longValue());
        }
    }

    private static final MeetingFigures.Meetings NO_MEETINGS = new MeetingFigures.Meetings(0, 0, 0, 0, null, 0, 0,
            0, 0, null, 0, 0, Map.of(), Map.of());

    /** The two summaries side by side: every figure either side has, those missing on one side counted as none. */
    public static SummaryComparison of(Summary reported, Summary now) {
        Pair pair = new Pair(reported, now);
        return new SummaryComparison(List.of(members(pair),
                counts(pair, "by-sex", "summary.bySex", "bySex", "sex.", Summary::bySex),
                counts(pair, "by-age", "summary.byAgeBand", "byAgeBand", "age.", Summary::byAgeBand),
                counts(pair, "by-education", "summary.byEducation", "byEducation", "education.",
                        Summary::byEducation),
                counts(pair, "by-ethnicity", "summary.byEthnicity", "byEthnicity", "ethnicity.", Summary::byEthnicity),
                counts(pair, "flows", "summaryCompared.flows", "flows", "flow.", Summary::flows),
                units(pair), positions(pair), meetings(pair), ratings(pair)));
    }

    /** How many figures differ in all. */
    public long differing() {
        return sections.stream().mapToLong(Section::differing).sum();
    }

    private record Pair(Summary reported, Summary now) {

        Line line(String figure, List<Label> labels, boolean percent, Function<Summary, Number> value) {
            return new Line(figure, labels, percent, value.apply(reported), value.apply(now));
        }

        /** The keys of a map either side has, the report's first in their order. */
        <V> Set<String> keys(Function<Summary, Map<String, V>> map) {
            Set<String> keys = new LinkedHashSet<>(orEmpty(map.apply(reported)).keySet());
            keys.addAll(orEmpty(map.apply(now)).keySet());
            return keys;
        }
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }

    private static Label label(String key) {
        return new Label(key, key);
    }

    private static Label label(String prefix, String name) {
        return new Label(prefix + name, name);
    }

    private static Section members(Pair pair) {
        List<Line> lines = new ArrayList<>();
        lines.add(pair.line("members.total", List.of(label("summary.total")), false, s -> s.members().total()));
        lines.add(pair.line("members.official", List.of(label("summary.official")), false,
                s -> s.members().official()));
        lines.add(pair.line("members.probationary", List.of(label("summary.probationary")), false,
                s -> s.members().probationary()));
        lines.add(pair.line("members.exempted", List.of(label("summary.exempted")), false,
                s -> s.members().exempted()));
        lines.add(pair.line("members.women", List.of(label("summary.women")), false, s -> s.members().women()));
        lines.add(pair.line("members.ethnicMinority", List.of(label("summary.ethnicMinority")), false,
                s -> s.members().ethnicMinority()));
        lines.add(pair.line("cells", List.of(label("summary.cells")), false, Summary::cells));
        return new Section("members", "summary.members", lines);
    }

    private static Section counts(Pair pair, String id, String title, String family, String labels,
                                  Function<Summary, Map<String, Long>> map) {
        List<Line> lines = pair.keys(map).stream().map(key -> pair.line(family + "." + key,
                List.of(label(labels, key)), false, s -> orEmpty(map.apply(s)).getOrDefault(key, 0L))).toList();
        return new Section(id, title, lines);
    }

    private static Section units(Pair pair) {
        List<Line> lines = new ArrayList<>();
        for (String kind : pair.keys(Summary::units)) {
            Function<Summary, Summary.UnitCoverage> unit = s -> s.units().getOrDefault(kind,
                    new Summary.UnitCoverage(0, 0, 0));
            Label named = label("unit.", kind);
            lines.add(pair.line("units." + kind + ".total", List.of(named, label("units.total")), false,
                    s -> unit.apply(s).total()));
            lines.add(pair.line("units." + kind + ".withoutCell", List.of(named, label("units.withoutCell")), false,
                    s -> unit.apply(s).withoutCell()));
            lines.add(pair.line("units." + kind + ".withoutMember", List.of(named, label("units.withoutMember")),
                    false, s -> unit.apply(s).withoutMember()));
        }
        return new Section("units", "units.title", lines);
    }

    private static Section positions(Pair pair) {
        List<Line> lines = new ArrayList<>();
        for (String position : pair.keys(Summary::positions)) {
            Function<Summary, Summary.PositionCoverage> held = s -> s.positions().getOrDefault(position,
                    new Summary.PositionCoverage(0, 0, null));
            Label named = label("position.", position);
            lines.add(pair.line("positions." + position + ".held", List.of(named, label("positions.held")), false,
                    s -> held.apply(s).held()));
            lines.add(pair.line("positions." + position + ".heldByMembers", List.of(named,
                    label("positions.byMembers")), false, s -> held.apply(s).heldByMembers()));
            lines.add(pair.line("positions." + position + ".share", List.of(named, label("positions.share")), true,
                    s -> held.apply(s).memberSharePercent()));
        }
        return new Section("positions", "positions.title", lines);
    }

    private static MeetingFigures.Meetings meetingsOf(Summary summary) {
        return summary.meetings() == null ? NO_MEETINGS : summary.meetings();
    }

    private static Section meetings(Pair pair) {
        List<Line> lines = new ArrayList<>();
        meeting(pair, lines, "held", "meetings.heldAll", false, MeetingFigures.Meetings::held);
        meeting(pair, lines, "regular", "summaryCompared.meetings.regular", false, MeetingFigures.Meetings::regular);
        meeting(pair, lines, "regularRequired", "summaryCompared.meetings.regularRequired", false,
                MeetingFigures.Meetings::regularRequired);
        meeting(pair, lines, "regularHeldPercent", "meetings.regularPercent", true,
                MeetingFigures.Meetings::regularHeldPercent);
        meeting(pair, lines, "thematic", "meetings.thematic", false, MeetingFigures.Meetings::thematic);
        meeting(pair, lines, "qualityMet", "meetings.qualityMet", false, MeetingFigures.Meetings::qualityMet);
        meeting(pair, lines, "higherLevelVisits", "meetings.visits", false,
                MeetingFigures.Meetings::higherLevelVisits);
        meeting(pair, lines, "attendanceExpected", "meetings.expected", false,
                MeetingFigures.Meetings::attendanceExpected);
        meeting(pair, lines, "present", "meetings.present", false, MeetingFigures.Meetings::present);
        meeting(pair, lines, "excused", "meetings.excused", false, MeetingFigures.Meetings::excused);
        meeting(pair, lines, "unexcused", "meetings.unexcused", false, MeetingFigures.Meetings::unexcused);
        meeting(pair, lines, "attendancePercent", "meetings.attendancePercent", true,
                MeetingFigures.Meetings::attendancePercent);
        for (String grade : pair.keys(s -> meetingsOf(s).grades())) {
            lines.add(pair.line("meetings.grades." + grade, List.of(label("meetings.grades"),
                    label("grade.", grade)), false, s -> meetingsOf(s).grade(grade)));
        }
        for (String kind : pair.keys(s -> meetingsOf(s).breaches())) {
            lines.add(pair.line("meetings.breaches." + kind, List.of(label("meetings.breaches"),
                    label("breach.", kind)), false, s -> meetingsOf(s).breach(kind)));
        }
        return new Section("meetings", "meetings.held", lines);
    }

    private static void meeting(Pair pair, List<Line> lines, String name, String label, boolean percent,
                                Function<MeetingFigures.Meetings, Number> value) {
        lines.add(pair.line("meetings." + name, List.of(label(label)), percent, s -> value.apply(meetingsOf(s))));
    }

    /** Ratings by whom ({@code members}, {@code cells}), year and level. */
    private static Section ratings(Pair pair) {
        List<Line> lines = new ArrayList<>();
        for (String who : pair.keys(Summary::ratings)) {
            Function<Summary, Map<String, Map<String, Long>>> years = s -> orEmpty(s.ratings().get(who));
            for (String year : pair.keys(years)) {
                Function<Summary, Map<String, Long>> levels = s -> orEmpty(years.apply(s).get(year));
                for (String level : pair.keys(levels)) {
                    lines.add(pair.line("ratings." + who + "." + year + "." + level, List.of(
                            label("summaryCompared.ratings.", who), new Label(null, year), label("rating.", level)),
                            false, s -> levels.apply(s).getOrDefault(level, 0L)));
                }
            }
        }
        return new Section("ratings", "summaryCompared.ratings", lines);
    }
}
