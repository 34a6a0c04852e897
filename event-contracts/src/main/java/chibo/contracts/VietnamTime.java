package chibo.contracts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Vietnam's clock (UTC+7, no daylight saving): the calendar every decision, meeting and report is dated by. Today and
 * this month are Vietnam's, whatever the server's own zone: at 01:00 on the first of a month in Hà Nội, it is that
 * month, though it is still the last day of the month before in UTC.
 */
public final class VietnamTime {

    /** The zone's id, for annotations that take a string ({@code @Scheduled(zone = ...)}). */
    public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private VietnamTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static YearMonth thisMonth(Clock clock) {
        return YearMonth.now(clock.withZone(ZONE));
    }
}
