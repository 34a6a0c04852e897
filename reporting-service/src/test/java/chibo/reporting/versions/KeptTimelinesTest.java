package chibo.reporting.versions;

import chibo.reporting.figures.TimelineBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The months sink's kept timelines: a budget of bytes, the least recently written let go first. */
class KeptTimelinesTest {

    /** A timeline of {@code months} months of a cell, each with a handful of counters. */
    private static TimelineBuilder timeline(int months) {
        TimelineBuilder builder = TimelineBuilder.of(Map.of(), 0);
        for (int i = 0; i < months; i++) {
            String month = "%d-%02d".formatted(2015 + i / 12, 1 + i % 12);
            builder.put(month, i + 1, Map.of("members", (long) i, "members.sex.female", (long) i / 2,
                    "members.ethnicity.Kinh", (long) i, "flow.admitted", 1L));
        }
        return builder;
    }

    @Test
    void a_timeline_weighs_more_with_every_month_it_holds() {
        assertThat(timeline(12).weight()).isGreaterThan(timeline(1).weight());
        assertThat(timeline(120).weight()).isGreaterThan(5 * timeline(12).weight());
        TimelineBuilder builder = timeline(12);
        long before = builder.weight();
        builder.put("2015-01", 99, Map.of("members", 1L));
        assertThat(builder.weight()).as("a month replaced is not counted twice").isLessThan(before);
    }

    @Test
    void the_kept_timelines_stay_within_the_budget_and_the_recently_written_stay() {
        long oneCell = timeline(120).weight();
        KeptTimelines kept = new KeptTimelines(10 * oneCell);
        TimelineBuilder province = timeline(120);

        for (int cell = 0; cell < 100; cell++) {
            Map<String, TimelineBuilder> written = new LinkedHashMap<>();
            written.put("cell-" + cell, timeline(120));
            written.put("province", province);
            kept.keep(written);
            assertThat(kept.bytes()).isLessThanOrEqualTo(10 * oneCell);
        }

        assertThat(kept.get("province")).isSameAs(province);
        assertThat(kept.get("cell-99")).isNotNull();
        assertThat(kept.get("cell-0")).isNull();
        assertThat(kept.size()).isBetween(2, 10);
    }

    @Test
    void a_timeline_that_grows_is_weighed_again_when_written() {
        TimelineBuilder growing = timeline(1);
        KeptTimelines kept = new KeptTimelines(Long.MAX_VALUE);
        kept.keep(Map.of("org", growing));
        long small = kept.bytes();

        for (int i = 0; i < 24; i++) {
            growing.put("%d-%02d".formatted(2016 + i / 12, 1 + i % 12), 1, Map.of("members", 1L));
        }
        kept.keep(Map.of("org", growing));

        assertThat(kept.bytes()).isEqualTo(growing.weight()).isGreaterThan(small);
        assertThat(kept.size()).isEqualTo(1);
    }
}
