package chibo.dashboard.pages;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowComparisonTest {

    @Test
    void the_year_before_ends_with_the_same_month_a_year_earlier() {
        assertThat(FlowComparison.yearBefore(LocalDate.of(2026, 12, 6))).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(FlowComparison.yearBefore(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @Test
    void every_change_of_either_year_is_a_line_this_years_first() {
        Map<String, Long> thisYear = new LinkedHashMap<>();
        thisYear.put("admitted", 5L);
        thisYear.put("recognized", 3L);

        assertThat(FlowComparison.lines(thisYear, Map.of("admitted", 7L, "expelled", 1L))).containsExactly(
                new FlowComparison.Line("admitted", 5, 7L), new FlowComparison.Line("recognized", 3, 0L),
                new FlowComparison.Line("expelled", 0, 1L));
        assertThat(FlowComparison.lines(thisYear, Map.of("admitted", 7L)).getFirst().change()).isEqualTo(-2L);
        assertThat(FlowComparison.lines(thisYear, null).getFirst().change()).isNull();
    }
}
