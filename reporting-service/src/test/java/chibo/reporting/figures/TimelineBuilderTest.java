package chibo.reporting.figures;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The sink's timeline: months encoded one by one, read back as a timeline; an older version never replaces. */
class TimelineBuilderTest {

    @Test
    void the_months_put_read_back_as_a_timeline_and_its_headline() {
        TimelineBuilder builder = TimelineBuilder.of(Map.of(), 0);
        builder.put("2025-07", 3, Map.of("members", 2L, "members.born.1990", 2L, "flow.admitted", 2L));
        builder.put("2015-01", 1, Map.of("meetings.held", 1L));
        builder.put("2020-12", 9, Map.of("members", -1L, "members.sex.female", -1L));

        Map<String, Timeline.Month> expected = new TreeMap<>(Map.of(
                "2015-01", new Timeline.Month(1, Map.of("meetings.held", 1L)),
                "2020-12", new Timeline.Month(9, Map.of("members", -1L, "members.sex.female", -1L)),
                "2025-07", new Timeline.Month(3, Map.of("members", 2L, "members.born.1990", 2L,
                        "flow.admitted", 2L))));
        assertThat(Timeline.decode(builder.full())).isEqualTo(expected);
        assertThat(Timeline.decode(builder.headline())).isEqualTo(Timeline.headline(expected));
    }

    @Test
    void a_month_is_replaced_only_by_a_higher_version() {
        TimelineBuilder builder = TimelineBuilder.of(Map.of("2025-07", new Timeline.Month(5, Map.of("members", 4L))),
                12);

        assertThat(builder.put("2025-07", 5, Map.of("members", 9L))).isFalse();
        assertThat(builder.put("2025-07", 4, Map.of("members", 9L))).isFalse();
        assertThat(Timeline.decode(builder.full()).get("2025-07").counters()).containsEntry("members", 4L);
        assertThat(builder.put("2025-07", 6, Map.of("members", 5L))).isTrue();
        assertThat(Timeline.decode(builder.full()).get("2025-07")).isEqualTo(new Timeline.Month(6,
                Map.of("members", 5L)));
        assertThat(builder.revision()).isEqualTo(12);
    }
}
