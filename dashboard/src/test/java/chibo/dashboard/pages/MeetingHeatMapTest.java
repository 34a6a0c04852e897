package chibo.dashboard.pages;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingHeatMapTest {

    private static final List<YearMonth> Q1 = List.of(YearMonth.of(2025, 1), YearMonth.of(2025, 2),
            YearMonth.of(2025, 3));

    @Test
    void breaches_add_the_missed_regular_and_the_missed_thematic_meetings_of_each_month() {
        var map = MeetingHeatMap.of("breaches", List.of(new MeetingHeatMap.Row("C1", "Chi bộ 1")), Q1,
                (org, counter) -> counter.equals("breaches.no_regular_meeting") ? new long[] {1, 0, 1}
                        : new long[] {0, 0, 1});

        assertThat(map.lines().getFirst().values()).containsExactly(1, 0, 2);
        assertThat(map.lines().getFirst().total()).isEqualTo(3);
        assertThat(map.most()).isEqualTo(2);
        assertThat(map.shade(0)).isZero();
        assertThat(map.shade(1)).isEqualTo(2);
        assertThat(map.shade(2)).isEqualTo(4);
    }

    @Test
    void each_row_reads_its_own_organisation_and_rows_beyond_the_limit_are_counted_not_read() {
        List<MeetingHeatMap.Row> rows = IntStream.range(0, MeetingHeatMap.MOST_ROWS + 5)
                .mapToObj(i -> new MeetingHeatMap.Row("C" + i, "Chi bộ " + i)).toList();
        List<String> read = new ArrayList<>();

        var map = MeetingHeatMap.of("held", rows, Q1, (org, counter) -> {
            read.add(org + " " + counter);
            return new long[] {Long.parseLong(org.substring(1)), 0, 0};
        });

        assertThat(map.lines()).hasSize(MeetingHeatMap.MOST_ROWS);
        assertThat(map.left()).isEqualTo(5);
        assertThat(read).hasSize(MeetingHeatMap.MOST_ROWS).contains("C7 meetings.held")
                .doesNotContain("C" + MeetingHeatMap.MOST_ROWS + " meetings.held");
        assertThat(map.lines().get(7).values()).containsExactly(7, 0, 0);
    }

    @Test
    void an_unknown_choice_shows_meetings_held() {
        assertThat(MeetingHeatMap.shown("quality")).isEqualTo("quality");
        assertThat(MeetingHeatMap.shown("<script>")).isEqualTo("held");
        assertThat(MeetingHeatMap.shown(null)).isEqualTo("held");
    }
}
