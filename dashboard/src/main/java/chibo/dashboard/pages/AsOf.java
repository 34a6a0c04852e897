package chibo.dashboard.pages;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The date a reader asks for, and the date the figures are for: reporting-service keeps stock at each month's end,
 * so a date inside a month is answered with the last month end on or before it — never with a later one, which would
 * count events after the date asked for.
 *
 * @param asked   the date picked, or null for now
 * @param figures the month end the figures are for, or null for now
 */
public record AsOf(LocalDate asked, LocalDate figures) {

    static final AsOf NOW = new AsOf(null, null);

    static AsOf of(LocalDate asked, LocalDate today) {
        if (asked == null || !asked.isBefore(today)) {
            return NOW;
        }
        LocalDate monthEnd = YearMonth.from(asked).atEndOfMonth();
        return new AsOf(asked, asked.equals(monthEnd) ? asked : YearMonth.from(asked).minusMonths(1).atEndOfMonth());
    }

    public boolean isNow() {
        return figures == null;
    }

    /** The figures are for an earlier day than the one asked for. */
    public boolean movedBack() {
        return asked != null && !asked.equals(figures);
    }
}
