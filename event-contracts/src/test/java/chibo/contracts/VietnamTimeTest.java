package chibo.contracts;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class VietnamTimeTest {

    @Test
    void at_one_in_the_morning_of_the_first_in_ha_noi_it_is_already_the_new_month_though_not_yet_in_utc() {
        Clock utc = Clock.fixed(Instant.parse("2026-01-31T18:00:00Z"), ZoneOffset.UTC);

        assertThat(VietnamTime.today(utc)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(VietnamTime.thisMonth(utc)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(LocalDate.now(utc)).as("the server's own clock").isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void seven_hours_ahead_of_utc_all_year_round() {
        assertThat(VietnamTime.ZONE.getRules().getOffset(Instant.parse("2026-07-01T00:00:00Z")))
                .isEqualTo(ZoneOffset.ofHours(7));
        assertThat(VietnamTime.ZONE.getRules().getOffset(Instant.parse("2026-12-31T00:00:00Z")))
                .isEqualTo(ZoneOffset.ofHours(7));
        assertThat(VietnamTime.today(Clock.fixed(Instant.parse("2026-06-30T16:59:59Z"), ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2026, 6, 30));
    }
}
