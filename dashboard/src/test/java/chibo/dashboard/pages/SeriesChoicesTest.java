package chibo.dashboard.pages;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesChoicesTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void a_figure_not_offered_is_members() {
        assertThat(SeriesChoices.metric("flow.expelled")).isEqualTo("flow.expelled");
        assertThat(SeriesChoices.metric("members.ethnicity.Tày")).isEqualTo("members");
        assertThat(SeriesChoices.metric(null)).isEqualTo("members");
    }

    @Test
    void without_a_period_the_last_two_years_up_to_this_month_are_shown() {
        assertThat(SeriesChoices.period(null, null, NOW)).isEqualTo(new SeriesChoices.Period(YearMonth.of(2025, 1),
                NOW));
        assertThat(SeriesChoices.period("", "garbage", NOW)).isEqualTo(new SeriesChoices.Period(
                YearMonth.of(2025, 1), NOW));
        assertThat(SeriesChoices.period(null, "2020-06", NOW)).isEqualTo(new SeriesChoices.Period(
                YearMonth.of(2018, 7), YearMonth.of(2020, 6)));
    }

    @Test
    void a_period_into_the_future_backwards_or_longer_than_twenty_years_is_cut() {
        assertThat(SeriesChoices.period("2026-01", "2030-01", NOW).to()).isEqualTo(NOW);
        assertThat(SeriesChoices.period("2026-05", "2026-02", NOW)).isEqualTo(new SeriesChoices.Period(
                YearMonth.of(2026, 2), YearMonth.of(2026, 2)));
        assertThat(SeriesChoices.period("1930-01", "2026-12", NOW).from()).isEqualTo(YearMonth.of(2007, 1));
    }
}
