package chibo.reporting.figures;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parent an organisation stood under in a month, and in which months of a period: placements in, answers out. */
class PlacementsTest {

    /** A commune under its district since 2015, moved to the province by the reform of 01/07/2025. */
    private static final Placements COMMUNE = new Placements("2015-01", null, List.of(
            new OrgFigures.Placement(OrgFigures.ALWAYS, "HUYEN"),
            new OrgFigures.Placement("2025-07", "TINH")));
    /** The district, under the province from 2015 until dissolved by the reform. */
    private static final Placements DISTRICT = new Placements("2015-01", "2025-07", List.of(
            new OrgFigures.Placement(OrgFigures.ALWAYS, "TINH")));

    private static YearMonth month(String month) {
        return YearMonth.parse(month);
    }

    @Test
    void the_parent_in_a_month_is_the_one_of_the_latest_placement_begun_by_then() {
        assertThat(COMMUNE.parentIn("2020-01")).isEqualTo("HUYEN");
        assertThat(COMMUNE.parentIn("2025-06")).isEqualTo("HUYEN");
        assertThat(COMMUNE.parentIn("2025-07")).isEqualTo("TINH");
        assertThat(COMMUNE.parentIn("2030-01")).isEqualTo("TINH");
    }

    @Test
    void a_commune_stood_under_its_district_before_the_reform_and_under_the_province_after() {
        assertThat(COMMUNE.stoodUnder("HUYEN", month("2020-01"), month("2023-12"))).isTrue();
        assertThat(COMMUNE.stoodUnder("TINH", month("2020-01"), month("2023-12"))).isFalse();
        assertThat(COMMUNE.stoodUnder("HUYEN", month("2025-07"), month("2025-12"))).isFalse();
        assertThat(COMMUNE.stoodUnder("TINH", month("2025-07"), month("2025-12"))).isTrue();
        assertThat(COMMUNE.stoodUnder("TINH", month("2025-06"))).isFalse();
        assertThat(COMMUNE.stoodUnder("TINH", month("2025-07"))).isTrue();
    }

    @Test
    void the_months_counted_under_a_parent_are_cut_at_the_move() {
        assertThat(COMMUNE.countedUnder("HUYEN", month("2025-01"), month("2025-12")))
                .containsExactly(new Placements.Span(month("2025-01"), month("2025-06")));
        assertThat(COMMUNE.countedUnder("TINH", month("2025-01"), month("2025-12")))
                .containsExactly(new Placements.Span(month("2025-07"), month("2025-12")));
        assertThat(COMMUNE.countedUnder("TINH", month("2020-01"), month("2023-12"))).isEmpty();
    }

    @Test
    void an_organisation_moved_away_and_back_is_counted_in_two_spans() {
        Placements cell = new Placements("2018-03", null, List.of(
                new OrgFigures.Placement(OrgFigures.ALWAYS, "XA1"),
                new OrgFigures.Placement("2020-05", "XA2"),
                new OrgFigures.Placement("2021-02", "XA1")));

        assertThat(cell.countedUnder("XA1", month("2020-01"), month("2021-12"))).containsExactly(
                new Placements.Span(month("2020-01"), month("2020-04")),
                new Placements.Span(month("2021-02"), month("2021-12")));
        assertThat(cell.countedUnder("XA2", month("2020-01"), month("2021-12")))
                .containsExactly(new Placements.Span(month("2020-05"), month("2021-01")));
    }

    @Test
    void an_organisation_stood_nowhere_before_its_registration_or_after_the_month_it_ended() {
        assertThat(COMMUNE.stoodUnder("HUYEN", month("2010-01"), month("2014-12"))).isFalse();
        assertThat(COMMUNE.stoodUnder("HUYEN", month("2014-01"), month("2015-01"))).isTrue();
        assertThat(DISTRICT.stoodUnder("TINH", month("2025-07"), month("2025-12"))).as("dissolved in the first month")
                .isTrue();
        assertThat(DISTRICT.stoodUnder("TINH", month("2025-08"), month("2025-12"))).isFalse();
        assertThat(DISTRICT.stoodUnder("TINH", month("2025-08"))).isFalse();
        assertThat(DISTRICT.existedIn("2025-07")).isTrue();
        assertThat(DISTRICT.existedIn("2014-12")).isFalse();
    }

    @Test
    void an_organisation_kept_before_its_lifespan_was_stands_under_its_parent_always() {
        Placements old = new Placements(null, null, List.of(new OrgFigures.Placement(OrgFigures.ALWAYS, "TINH")));

        assertThat(old.stoodUnder("TINH", month("1990-01"), month("1990-01"))).isTrue();
        assertThat(old.countedUnder("TINH", month("1990-01"), month("1990-03")))
                .containsExactly(new Placements.Span(month("1990-01"), month("1990-03")));
    }

    @Test
    void the_month_an_organisation_ended_is_the_earlier_of_its_merger_and_dissolution() {
        assertThat(OrgFigures.endedMonth("2025-07", "2025-08")).isEqualTo("2025-07");
        assertThat(OrgFigures.endedMonth(null, "2025-08")).isEqualTo("2025-08");
        assertThat(OrgFigures.endedMonth("2025-07", null)).isEqualTo("2025-07");
        assertThat(OrgFigures.endedMonth(null, null)).isNull();
    }
}
