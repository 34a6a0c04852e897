package chibo.dashboard.pages;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Formats vietnamese = new Formats(LanguageConfiguration.VIETNAMESE, HANOI);
    private final Formats english = new Formats(Locale.ENGLISH, HANOI);

    @Test
    void groups_numbers_as_the_language_does() {
        assertThat(vietnamese.number(5_512_345)).isEqualTo("5.512.345");
        assertThat(english.number(5_512_345)).isEqualTo("5,512,345");
    }

    @Test
    void writes_dates_day_first_in_vietnamese() {
        assertThat(vietnamese.date(LocalDate.of(2024, 2, 9))).isEqualTo("09/02/2024");
        assertThat(english.date(LocalDate.of(2024, 2, 9))).isEqualTo("9 Feb 2024");
    }

    @Test
    void shows_the_moment_figures_are_current_to_in_vietnams_time() {
        assertThat(vietnamese.moment(Instant.parse("2026-12-02T23:30:00Z"))).isEqualTo("06:30 03/12/2026");
        assertThat(vietnamese.moment(null)).isEmpty();
    }

    @Test
    void writes_months() {
        assertThat(vietnamese.month("2025-07")).isEqualTo("07/2025");
        assertThat(english.month("2025-07")).isEqualTo("Jul 2025");
    }
}
