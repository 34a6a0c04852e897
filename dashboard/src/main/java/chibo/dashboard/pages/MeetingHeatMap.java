package chibo.dashboard.pages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The organisations below (cells, under a commune) × the months of a year, each square one figure of the meetings:
 * held, of good quality, or breaches of the meeting duty. A breach is counted in the month reporting-service counts it
 * (a missed regular meeting in its month, a missed thematic one when its quarter is checked).
 */
final class MeetingHeatMap {

    /** What a square can show, and the counters it adds up. */
    static final Map<String, List<String>> SHOWN = Map.of(
            "held", List.of("meetings.held"),
            "quality", List.of("meetings.quality_met"),
            "breaches", List.of("breaches.no_regular_meeting", "breaches.no_thematic_meeting"));
    static final List<String> CHOICES = List.of("held", "quality", "breaches");
    /** Rows drawn at most: each is a read of reporting-service per counter. */
    static final int MOST_ROWS = 60;

    private MeetingHeatMap() {
    }

    static String shown(String asked) {
        return asked != null && SHOWN.containsKey(asked) ? asked : "held";
    }

    /**
     * @param rows   the organisations, in the order shown
     * @param months the months, in order
     * @param series a counter of an organisation, one value per month
     */
    static HeatMap of(String shown, List<Row> rows, List<YearMonth> months,
                      BiFunction<String, String, long[]> series) {
        List<Line> lines = new ArrayList<>();
        long most = 0;
        for (Row row : rows.subList(0, Math.min(rows.size(), MOST_ROWS))) {
            long[] values = new long[months.size()];
            for (String counter : SHOWN.get(shown)) {
                long[] counted = series.apply(row.orgId(), counter);
                for (int i = 0; i < values.length && i < counted.length; i++) {
                    values[i] += counted[i];
                }
            }
            long total = 0;
            for (long value : values) {
                most = Math.max(most, value);
                total += value;
            }
            lines.add(new Line(row.orgId(), row.name(), values, total));
        }
        return new HeatMap(shown, months.stream().map(YearMonth::toString).toList(), lines, most,
                Math.max(0, rows.size() - MOST_ROWS));
    }

    record Row(String orgId, String name) {
    }

    record Line(String orgId, String name, long[] values, long total) {
    }

    /** @param left rows not drawn (beyond {@link #MOST_ROWS}) */
    record HeatMap(String shown, List<String> months, List<Line> lines, long most, int left) {

        /** How strongly a square is coloured, 0 to 4 (0: none), relative to the largest square. */
        public int shade(long value) {
            if (value <= 0 || most <= 0) {
                return 0;
            }
            return (int) Math.max(1, Math.min(4, Math.ceil(4.0 * value / most)));
        }
    }
}
