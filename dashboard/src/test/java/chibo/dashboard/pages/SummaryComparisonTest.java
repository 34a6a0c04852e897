package chibo.dashboard.pages;

import chibo.dashboard.figures.Summary;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two summaries of one organisation set side by side, figure by figure. */
class SummaryComparisonTest {

    private static final Formats VI = new Formats(Locale.of("vi"), ZoneId.of("Asia/Ho_Chi_Minh"));

    private static Summary summary(long members, Map<String, Long> flows, Double villageHeadsShare) {
        return new Summary("TQ-MQ", "Đảng bộ xã Minh Quang", "COMMUNE", "TQ", true, null, "2025-06-30",
                new Summary.Members(members, 0, members, 0, 0, 0), Map.of(), Map.of(), Map.of(), Map.of(), 1,
                Map.of(), Map.of("village_head", new Summary.PositionCoverage(0, 0, villageHeadsShare)),
                new Summary.Period("2025-01", "2025-06"), flows, null, null);
    }

    private static SummaryComparison.Line line(SummaryComparison comparison, String figure) {
        return comparison.sections().stream().flatMap(section -> section.lines().stream())
                .filter(line -> line.figure().equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void a_figure_only_one_side_has_is_none_on_the_other_and_differs() {
        SummaryComparison comparison = SummaryComparison.of(summary(10, Map.of("admitted", 2L), null),
                summary(10, Map.of("admitted", 2L, "deceased", 1L), null));

        assertThat(line(comparison, "flows.deceased").differs()).isTrue();
        assertThat(line(comparison, "flows.deceased").reported(VI)).isEqualTo("0");
        assertThat(line(comparison, "flows.deceased").difference(VI)).isEqualTo("+1");
        assertThat(line(comparison, "flows.admitted").differs()).isFalse();
        assertThat(comparison.differing()).isEqualTo(1);
    }

    @Test
    void a_share_with_nothing_to_share_on_either_side_is_a_dash_and_differs_only_from_a_share() {
        SummaryComparison neither = SummaryComparison.of(summary(10, Map.of(), null), summary(10, Map.of(), null));
        SummaryComparison one = SummaryComparison.of(summary(10, Map.of(), null), summary(10, Map.of(), 50.0));

        assertThat(line(neither, "positions.village_head.share").differs()).isFalse();
        assertThat(line(neither, "positions.village_head.share").reported(VI)).isEqualTo("—");
        assertThat(line(one, "positions.village_head.share").differs()).isTrue();
        assertThat(line(one, "positions.village_head.share").difference(VI)).isEqualTo("—");
    }

    @Test
    void without_meetings_or_ratings_from_reporting_their_sections_hold_none_that_differ() {
        SummaryComparison comparison = SummaryComparison.of(summary(10, Map.of(), null), summary(12, Map.of(), null));

        assertThat(comparison.sections()).extracting(SummaryComparison.Section::id).containsExactly("members",
                "by-sex", "by-age", "by-education", "by-ethnicity", "flows", "units", "positions", "meetings",
                "ratings");
        assertThat(comparison.differing()).as("members total and official").isEqualTo(2);
        assertThat(line(comparison, "members.total").difference(VI)).isEqualTo("+2");
    }
}
