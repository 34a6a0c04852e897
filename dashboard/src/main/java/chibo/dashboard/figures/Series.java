package chibo.dashboard.figures;

import java.util.List;

/**
 * One figure of an organisation month by month, as reporting-service answers it: a stock at each month's end, or a
 * flow's count in each month and its {@code total} over the period.
 */
public record Series(String orgId, String metric, String kind, List<Point> points, Long total) {

    public boolean isFlow() {
        return "flow".equals(kind);
    }

    /** A month ({@code 2025-07}) and the figure in it. */
    public record Point(String month, long value) {
    }
}
