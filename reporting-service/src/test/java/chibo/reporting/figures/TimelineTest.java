package chibo.reporting.figures;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An organisation's months in one compact value: every month, version and counter read back as written. */
class TimelineTest {

    @Test
    void every_month_counter_and_version_reads_back_exactly() {
        Map<String, Timeline.Month> months = new TreeMap<>();
        months.put("1930-02", new Timeline.Month(1, Map.of("members", 7L)));
        months.put("2015-01", new Timeline.Month(3, Map.of("members", -2L, "members.born.1975", 1L,
                "flow.transferred_out", 2L, "members.ethnicity.h'mông", Long.MAX_VALUE)));
        months.put("2025-12", new Timeline.Month(Long.MAX_VALUE, Map.of("members", Long.MIN_VALUE,
                "units.village.without_cell", 0L)));
        months.put("9999-12", new Timeline.Month(0, Map.of()));

        assertThat(Timeline.decode(Timeline.encode(months))).isEqualTo(months);
        assertThat(Timeline.counters(Timeline.encode(months))).containsOnlyKeys("1930-02", "2015-01", "2025-12",
                "9999-12").containsEntry("1930-02", Map.of("members", 7L));
    }

    @Test
    void the_headline_keeps_members_by_status_women_ethnicity_and_flows_only() {
        Map<String, Timeline.Month> months = new TreeMap<>();
        months.put("2025-07", new Timeline.Month(4, Map.of("members", 3L, "members.official", 2L,
                "members.sex.female", 1L, "members.ethnicity.kinh", 1L, "members.born.1990", 3L,
                "flow.admitted", 1L, "meetings.held", 1L)));
        months.put("2025-08", new Timeline.Month(1, Map.of("meetings.held", 1L)));

        Map<String, Timeline.Month> headline = Timeline.headline(months);

        assertThat(headline).containsOnlyKeys("2025-07");
        assertThat(headline.get("2025-07").counters()).containsOnlyKeys("members", "members.official",
                "members.sex.female", "members.ethnicity.kinh", "flow.admitted");
        assertThat(headline.get("2025-07").version()).isEqualTo(4);
    }

    @Test
    void something_else_is_refused() {
        assertThatThrownBy(() -> Timeline.decode(new byte[]{'{', '}'})).isInstanceOf(IllegalArgumentException.class);
    }
}
