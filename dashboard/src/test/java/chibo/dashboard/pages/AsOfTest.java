package chibo.dashboard.pages;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AsOfTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void no_date_means_the_figures_now() {
        assertThat(AsOf.of(null, TODAY).isNow()).isTrue();
    }

    @Test
    void today_or_a_later_date_means_the_figures_now() {
        assertThat(AsOf.of(TODAY, TODAY).isNow()).isTrue();
        assertThat(AsOf.of(TODAY.plusDays(40), TODAY).isNow()).isTrue();
    }

    @Test
    void a_month_end_is_answered_as_it_is() {
        AsOf asOf = AsOf.of(LocalDate.of(2024, 2, 29), TODAY);

        assertThat(asOf.figures()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(asOf.movedBack()).isFalse();
    }

    @Test
    void a_day_inside_a_month_is_answered_with_the_month_end_before_it_never_a_later_one() {
        AsOf asOf = AsOf.of(LocalDate.of(2024, 3, 15), TODAY);

        assertThat(asOf.figures()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(asOf.asked()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(asOf.movedBack()).isTrue();
    }

    @Test
    void the_first_of_january_is_answered_with_the_last_day_of_the_year_before() {
        assertThat(AsOf.of(LocalDate.of(2025, 1, 1), TODAY).figures()).isEqualTo(LocalDate.of(2024, 12, 31));
    }
}
