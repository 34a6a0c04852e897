package chibo.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Meetings happen on Vietnam's clock (UTC+7, no daylight saving). */
public final class Vietnam {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Vietnam() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
