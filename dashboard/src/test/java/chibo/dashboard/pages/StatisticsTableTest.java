package chibo.dashboard.pages;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatisticsTableTest {

    @Test
    void reads_the_children_in_order_and_the_total_last_with_quoted_names_intact() {
        StatisticsTable.Report report = StatisticsTable.read("\uFEFFma_to_chuc,ten_to_chuc,ket_nap_moi,khai_tru\r\n"
                + "A,\"Chi bộ \"\"Nà Tông\"\", thôn 1\",3,0\r\n"
                + "B,\"Chi bộ\r\nhai dòng\",1,2\r\n"
                + "P,Tổng cộng: Đảng bộ,4,2\r\n");

        assertThat(report.columns()).containsExactly("ket_nap_moi", "khai_tru");
        assertThat(report.rows()).containsExactly(
                new StatisticsTable.Row("A", "Chi bộ \"Nà Tông\", thôn 1", List.of(3L, 0L)),
                new StatisticsTable.Row("B", "Chi bộ\r\nhai dòng", List.of(1L, 2L)));
        assertThat(report.total()).isEqualTo(new StatisticsTable.Row("P", "Tổng cộng: Đảng bộ", List.of(4L, 2L)));
    }

    @Test
    void a_report_with_a_short_row_or_no_total_is_not_read_as_figures() {
        assertThatThrownBy(() -> StatisticsTable.read("ma_to_chuc,ten_to_chuc,ket_nap_moi\r\nA,Chi bộ\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 fields");
        assertThatThrownBy(() -> StatisticsTable.read("ma_to_chuc,ten_to_chuc,ket_nap_moi\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no total");
    }

    @Test
    void the_period_is_this_year_to_this_month_unless_months_are_asked_for() {
        YearMonth now = YearMonth.of(2026, 12);

        assertThat(StatisticsTable.period(null, "", now))
                .isEqualTo(new StatisticsTable.Period(YearMonth.of(2026, 1), now));
        assertThat(StatisticsTable.period(" 2024-07 ", "2025-06", now))
                .isEqualTo(new StatisticsTable.Period(YearMonth.of(2024, 7), YearMonth.of(2025, 6)));
        assertThat(StatisticsTable.period("July", "2025-13", now))
                .isEqualTo(new StatisticsTable.Period(YearMonth.of(2026, 1), now));
    }
}
