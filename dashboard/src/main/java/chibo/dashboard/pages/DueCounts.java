package chibo.dashboard.pages;

import chibo.dashboard.figures.DueList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A due list counted: for each kind of thing due, how many are upcoming, due now and overdue (for a readmission:
 * still waiting, or eligible). "Recognitions overdue" is the overdue column of the probations ending.
 */
final class DueCounts {

    /** The kinds in the order an organisation commission works through them. */
    static final List<String> KINDS = List.of("PROBATION_ENDING", "AWAITING_CEREMONY", "IN_TRANSIT",
            "REMOVAL_REVIEW", "LET_GO_REVIEW", "READMISSION_WAITING");
    static final List<String> STATES = List.of("UPCOMING", "DUE", "OVERDUE");

    private DueCounts() {
    }

    /** Kind → state → count, every kind of {@link #KINDS} present (zero when none); readmissions count as states. */
    static Map<String, Map<String, Long>> of(List<DueList.Entry> items) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String kind : KINDS) {
            Map<String, Long> byState = new LinkedHashMap<>();
            STATES.forEach(state -> byState.put(state, 0L));
            counts.put(kind, byState);
        }
        for (DueList.Entry item : items) {
            Map<String, Long> byState = counts.computeIfAbsent(item.kind(), kind -> new LinkedHashMap<>());
            byState.merge(column(item), 1L, Long::sum);
        }
        return counts;
    }

    /** A readmission still waiting is not due yet; one whose waiting is over may be considered now. */
    private static String column(DueList.Entry item) {
        return switch (item.state()) {
            case "WAITING" -> "UPCOMING";
            case "ELIGIBLE" -> "DUE";
            default -> item.state();
        };
    }

    static long total(Map<String, Long> byState) {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }
}
