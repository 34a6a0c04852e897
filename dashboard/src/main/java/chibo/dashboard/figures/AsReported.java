package chibo.dashboard.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "The report as it was on T", as reporting-service replays it for auditors: the subtree's members by status at
 * {@code asOf} and the flows of its year, from only the events recorded by {@code on}, beside the same figures from
 * everything recorded since, and the events recorded later that make the difference.
 *
 * @param summaryAsReported the organisation's whole summary at the end of {@code asOf}'s month (figures are kept by
 *                          month) from the events recorded by {@code on}; null when its registration had not been
 *                          recorded by then
 * @param summaryNow        the same summary from every event recorded since
 */
public record AsReported(String orgId, Instant on, LocalDate asOf, Period period, Figure asReported, Figure now,
                         Map<String, Long> difference, List<LateEvent> changedBy, int membersReplayed,
                         Summary summaryAsReported, Summary summaryNow) {

    public record Period(LocalDate from, LocalDate to) {
    }

    public record Members(long total, long probationary, long official) {
    }

    public record Figure(Members members, Map<String, Long> flows) {
    }

    /** An event recorded after the report's moment that changed its figures. */
    public record LateEvent(String id, String storageId, String type, String subject, long seq,
                            LocalDate effectiveDate, Instant recordedAt, String actingOrg, String decisionNumber) {

        /** The type without its version, to name it by. */
        public String fact() {
            return type == null ? "" : type.replaceFirst("\\.v\\d+$", "");
        }
    }

    /**
     * One figure on both sides: {@code name} is {@code members.total}, {@code members.probationary},
     * {@code members.official} or {@code flows.<flow>}, as reporting names it in {@code difference}.
     */
    public record Line(String name, long asReported, long now) {

        public long difference() {
            return now - asReported;
        }

        /** The flow's own name ({@code admitted} …), or null for a count of members. */
        public String flow() {
            return name.startsWith("flows.") ? name.substring("flows.".length()) : null;
        }
    }

    /** The month whose end the whole summaries are at ({@code 2025-06}): figures are kept by month. */
    public String summaryMonth() {
        return YearMonth.from(asOf).toString();
    }

    /** The members by status, then every flow either side counted, by name. */
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>(List.of(
                new Line("members.total", asReported.members().total(), now.members().total()),
                new Line("members.probationary", asReported.members().probationary(), now.members().probationary()),
                new Line("members.official", asReported.members().official(), now.members().official())));
        TreeSet<String> flows = new TreeSet<>(asReported.flows().keySet());
        flows.addAll(now.flows().keySet());
        for (String flow : flows) {
            lines.add(new Line("flows." + flow, asReported.flows().getOrDefault(flow, 0L),
                    now.flows().getOrDefault(flow, 0L)));
        }
        return lines;
    }
}
