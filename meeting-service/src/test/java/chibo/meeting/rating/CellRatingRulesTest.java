package chibo.meeting.rating;

import chibo.contracts.member.RatingLevel;
import chibo.meeting.quality.MeetingsProperties;
import chibo.platform.rules.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell's annual rating (QĐ 366-QĐ/TW, 30/08/2025) and the "Chi bộ 4 tốt" title. */
class CellRatingRulesTest {

    private static final MeetingsProperties.Ratings SETTINGS = new MeetingsProperties.Ratings(RatingLevel.GOOD, 80);
    private static final LocalDate DECIDED = LocalDate.of(2025, 12, 20);

    /** A GOOD rating of 2025 by the committee above, 12 meetings of which 11 đạt chất lượng, no breach. */
    private static CellRatingFacts facts(RatingLevel level, int points, boolean fourGood) {
        return new CellRatingFacts(2025, level, points, fourGood, false, DECIDED, DECIDED.plusDays(3), true, 0, 12,
                11);
    }

    @ParameterizedTest(name = "{1} points rated {0}: allowed = {2}")
    @CsvSource({"EXCELLENT, 90, true", "EXCELLENT, 89, false", "GOOD, 89, true", "GOOD, 69, false",
            "COMPLETED, 50, true", "COMPLETED, 49, false", "NOT_COMPLETED, 95, true", "GOOD, 95, false"})
    void the_level_follows_the_points_and_not_completed_may_always_be_decided(RatingLevel level, int points,
                                                                               boolean allowed) {
        Optional<Violation> violation = new CellRatingRules.LevelFollowsPoints().check(facts(level, points, false));
        assertThat(violation.isEmpty()).isEqualTo(allowed);
        violation.ifPresent(v -> assertThat(v.field()).isEqualTo("level"));
    }

    @Test
    void a_cell_is_rated_once_a_year_for_a_year_that_has_begun() {
        var rule = new CellRatingRules.OncePerYear();
        var again = new CellRatingFacts(2025, RatingLevel.GOOD, 80, false, true, DECIDED, DECIDED, true, 0, 0, 0);
        var future = new CellRatingFacts(2026, RatingLevel.GOOD, 80, false, false, DECIDED, DECIDED, true, 0, 0, 0);
        var notYet = new CellRatingFacts(2025, RatingLevel.GOOD, 80, false, false, DECIDED, DECIDED.minusDays(1), true,
                0, 0, 0);

        assertThat(rule.check(facts(RatingLevel.GOOD, 80, false))).isEmpty();
        assertThat(rule.check(again)).get().extracting(Violation::field).isEqualTo("year");
        assertThat(rule.check(future)).get().extracting(Violation::field).isEqualTo("year");
        assertThat(rule.check(notYet)).get().extracting(Violation::field).isEqualTo("decisionDate");
    }

    @Test
    void a_cell_is_rated_by_the_committee_above_it() {
        var byItself = new CellRatingFacts(2025, RatingLevel.GOOD, 80, false, false, DECIDED, DECIDED, false, 0, 0, 0);

        assertThat(new CellRatingRules.DecidedAbove().check(facts(RatingLevel.GOOD, 80, false))).isEmpty();
        assertThat(new CellRatingRules.DecidedAbove().check(byItself)).get().extracting(Violation::field)
                .isEqualTo("decidingOrgId");
    }

    @Test
    void the_four_good_title_goes_to_a_cell_rated_good_or_better_that_kept_its_meeting_duty_with_quality() {
        var rule = new CellRatingRules.FourGoodTitle(SETTINGS);

        assertThat(rule.check(facts(RatingLevel.GOOD, 80, true))).isEmpty();
        assertThat(rule.check(facts(RatingLevel.EXCELLENT, 92, true))).isEmpty();
        assertThat(rule.check(facts(RatingLevel.COMPLETED, 60, true))).get()
                .satisfies(v -> assertThat(v.message()).contains("at least GOOD"));
        assertThat(rule.check(facts(RatingLevel.COMPLETED, 60, false))).as("no title asked for").isEmpty();
    }

    @Test
    void a_standing_breach_or_too_few_quality_meetings_withhold_the_title() {
        var rule = new CellRatingRules.FourGoodTitle(SETTINGS);
        var breach = new CellRatingFacts(2025, RatingLevel.GOOD, 80, true, false, DECIDED, DECIDED, true, 1, 12, 12);
        var quality79 = new CellRatingFacts(2025, RatingLevel.GOOD, 80, true, false, DECIDED, DECIDED, true, 0, 14, 11);
        var quality80 = new CellRatingFacts(2025, RatingLevel.GOOD, 80, true, false, DECIDED, DECIDED, true, 0, 10, 8);
        var noMeetings = new CellRatingFacts(2025, RatingLevel.GOOD, 80, true, false, DECIDED, DECIDED, true, 0, 0, 0);

        assertThat(rule.check(breach)).get().satisfies(v -> assertThat(v.message()).contains("1 breach"));
        assertThat(rule.check(quality79)).get().satisfies(v -> assertThat(v.message()).contains("11 of 14"));
        assertThat(rule.check(quality80)).isEmpty();
        assertThat(rule.check(noMeetings)).isPresent();
    }

    @Test
    void every_rule_names_its_source() {
        List.copyOf(CellRatingRules.all(SETTINGS)).forEach(rule -> {
            assertThat(rule.id()).startsWith("cell-rating.");
            assertThat(rule.source()).isNotBlank();
        });
    }
}
