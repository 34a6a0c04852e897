package chibo.membership.review;

import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberReviewClosed;
import chibo.contracts.member.MemberReviewOpened;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.ReviewKind;
import chibo.membership.member.MemberHistory;
import chibo.membership.member.MemberState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When absences (Điều lệ Đảng, điều 8) and ratings (HD 02-HD/BTCTW 2021) put a member's case before the cell. */
class ReviewOpeningsTest {

    private static final MemberAbsenceThresholdReached SPRING = new MemberAbsenceThresholdReached("m-1", 3,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), List.of("mt-jan", "mt-feb", "mt-mar"));

    private static MemberHistory official() {
        return MemberHistory.officialInCell("m-1", "CB-1");
    }

    @Test
    void three_months_of_unexcused_absence_open_a_removal_review_naming_the_meetings() {
        var review = ReviewOpenings.afterAbsences(official().state(), SPRING);

        assertThat(review).hasValueSatisfying(opened -> {
            assertThat(opened.kind()).isEqualTo(ReviewKind.REMOVAL);
            assertThat(opened.basis()).isEqualTo("absences:2026-01-01..2026-03-31");
            assertThat(opened.reason()).contains("3 unexcused absences").contains("2026-01-01")
                    .contains("2026-03-31");
            assertThat(opened.evidence()).containsExactly("mt-jan", "mt-feb", "mt-mar");
        });
    }

    @Test
    void the_same_absences_reported_again_open_nothing_even_after_the_first_review_closed() {
        MemberReviewOpened first = ReviewOpenings.afterAbsences(official().state(), SPRING).orElseThrow();
        MemberHistory history = official().then(LocalDate.of(2026, 4, 1), first);

        assertThat(ReviewOpenings.afterAbsences(history.state(), SPRING)).isEmpty();
        history.then(LocalDate.of(2026, 4, 20), new MemberReviewClosed(ReviewKind.REMOVAL, first.basis(), "kept"));
        assertThat(ReviewOpenings.afterAbsences(history.state(), SPRING)).isEmpty();
    }

    @Test
    void other_absences_wait_while_a_removal_review_is_open_and_open_one_once_it_is_closed() {
        MemberReviewOpened first = ReviewOpenings.afterAbsences(official().state(), SPRING).orElseThrow();
        MemberHistory history = official().then(LocalDate.of(2026, 4, 1), first);
        var autumn = new MemberAbsenceThresholdReached("m-1", 3, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30),
                List.of("mt-jul", "mt-aug", "mt-sep"));

        assertThat(ReviewOpenings.afterAbsences(history.state(), autumn)).isEmpty();
        assertThat(ReviewOpenings.refusal(history.state(), ReviewKind.REMOVAL, ReviewOpenings.absenceBasis(autumn)))
                .contains("already open");
        history.then(LocalDate.of(2026, 4, 20), new MemberReviewClosed(ReviewKind.REMOVAL, first.basis(), "kept"));
        assertThat(ReviewOpenings.afterAbsences(history.state(), autumn)).isPresent();
    }

    @Test
    void a_member_who_left_gets_no_review() {
        MemberState expelled = official().then(LocalDate.of(2026, 2, 1), new MemberExpelled("violation")).state();

        assertThat(ReviewOpenings.afterAbsences(expelled, SPRING)).isEmpty();
        assertThat(ReviewOpenings.refusal(expelled, ReviewKind.REMOVAL, "absences:x")).contains("ended");
    }

    @Test
    void a_second_year_running_not_completed_opens_a_let_go_review_for_both_years() {
        MemberState ratedOnce = official().rated(2024, RatingLevel.NOT_COMPLETED).state();

        assertThat(ReviewOpenings.afterRating(ratedOnce, 2025, RatingLevel.NOT_COMPLETED))
                .hasValueSatisfying(opened -> {
                    assertThat(opened.kind()).isEqualTo(ReviewKind.LET_GO);
                    assertThat(opened.basis()).isEqualTo("ratings:2024-2025");
                    assertThat(opened.evidence()).containsExactly("2024", "2025");
                });
    }

    @Test
    void a_year_rated_late_pairs_with_the_year_after() {
        MemberState ratedLater = official().rated(2025, RatingLevel.NOT_COMPLETED).state();

        assertThat(ReviewOpenings.afterRating(ratedLater, 2024, RatingLevel.NOT_COMPLETED))
                .hasValueSatisfying(opened -> assertThat(opened.basis()).isEqualTo("ratings:2024-2025"));
    }

    @Test
    void not_completed_once_or_with_a_gap_or_a_better_rating_opens_nothing() {
        MemberState gap = official().rated(2023, RatingLevel.NOT_COMPLETED).state();
        MemberState better = official().rated(2024, RatingLevel.COMPLETED).state();
        MemberState badBefore = official().rated(2024, RatingLevel.NOT_COMPLETED).state();

        assertThat(ReviewOpenings.afterRating(gap, 2025, RatingLevel.NOT_COMPLETED)).isEmpty();
        assertThat(ReviewOpenings.afterRating(better, 2025, RatingLevel.NOT_COMPLETED)).isEmpty();
        assertThat(ReviewOpenings.afterRating(badBefore, 2025, RatingLevel.COMPLETED)).isEmpty();
    }

    @Test
    void a_third_year_running_opens_nothing_while_the_let_go_review_is_open() {
        MemberHistory history = official().rated(2024, RatingLevel.NOT_COMPLETED);
        history.then(LocalDate.of(2025, 12, 15), ReviewOpenings.afterRating(history.state(), 2025,
                RatingLevel.NOT_COMPLETED).orElseThrow()).rated(2025, RatingLevel.NOT_COMPLETED);

        assertThat(ReviewOpenings.afterRating(history.state(), 2026, RatingLevel.NOT_COMPLETED)).isEmpty();
    }
}
