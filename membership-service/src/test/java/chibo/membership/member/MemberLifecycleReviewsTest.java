package chibo.membership.member;

import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberReviewClosed;
import chibo.contracts.member.MemberReviewOpened;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.ReviewKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviews in the member fold: opened, closed with the member kept, ended by the member leaving. */
class MemberLifecycleReviewsTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 4, 2);
    private static final MemberReviewOpened ABSENCES = new MemberReviewOpened(ReviewKind.REMOVAL,
            "absences:2026-01-01..2026-03-31", "3 unexcused absences", List.of("mt-1", "mt-2", "mt-3"));

    @Test
    void an_opened_review_is_open_from_its_effective_date_with_its_evidence() {
        MemberState member = MemberHistory.officialInCell("m-1", "CB-1").then(OPENED, ABSENCES).state();

        assertThat(member.openReview(ReviewKind.REMOVAL)).hasValueSatisfying(review -> {
            assertThat(review.basis()).isEqualTo("absences:2026-01-01..2026-03-31");
            assertThat(review.openedOn()).isEqualTo(OPENED);
            assertThat(review.evidence()).containsExactly("mt-1", "mt-2", "mt-3");
        });
        assertThat(member.openReview(ReviewKind.LET_GO)).isEmpty();
        assertThat(member.reviewBases()).containsExactly("absences:2026-01-01..2026-03-31");
    }

    @Test
    void closing_a_review_keeps_the_member_and_remembers_its_basis() {
        MemberState member = MemberHistory.officialInCell("m-1", "CB-1").then(OPENED, ABSENCES)
                .then(OPENED.plusDays(20), new MemberReviewClosed(ReviewKind.REMOVAL, ABSENCES.basis(),
                        "absent for flood relief")).state();

        assertThat(member.openReviews()).isEmpty();
        assertThat(member.status().isActive()).isTrue();
        assertThat(member.reviewBases()).containsExactly(ABSENCES.basis());
    }

    @Test
    void a_closure_of_another_basis_leaves_the_open_review_open() {
        MemberState member = MemberHistory.officialInCell("m-1", "CB-1").then(OPENED, ABSENCES)
                .then(OPENED.plusDays(1), new MemberReviewClosed(ReviewKind.REMOVAL, "absences:2025-01-01..2025-12-31",
                        "an older case")).state();

        assertThat(member.openReview(ReviewKind.REMOVAL)).isPresent();
    }

    static Stream<MemberEvent> endings() {
        return Stream.of(new MemberRemoved(RemovalGround.ABSENT_OR_UNPAID_THREE_MONTHS, null, null),
                new MemberLetGo(LetGoGround.SCREENED_OUT, null), new MemberExpelled("serious violation"),
                new MemberDeceased(null));
    }

    @ParameterizedTest
    @MethodSource("endings")
    void a_member_who_leaves_has_no_open_review(MemberEvent ending) {
        MemberState member = MemberHistory.officialInCell("m-1", "CB-1").then(OPENED, ABSENCES)
                .then(OPENED.plusDays(1), new MemberReviewOpened(ReviewKind.LET_GO, "ratings:2024-2025",
                        "rated NOT_COMPLETED twice", List.of("2024", "2025")))
                .then(OPENED.plusDays(30), ending).state();

        assertThat(member.status().isActive()).isFalse();
        assertThat(member.openReviews()).isEmpty();
        assertThat(member.reviewBases()).containsExactlyInAnyOrder(ABSENCES.basis(), "ratings:2024-2025");
    }
}
