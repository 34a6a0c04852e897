package chibo.membership.review;

import chibo.contracts.member.ReviewKind;
import chibo.contracts.organization.OrgLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing a review with the member kept (Điều lệ Đảng, điều 8: the cell considers). */
class ReviewRulesTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 4, 1);

    private static ReviewClosureFacts closure(LocalDate on, OrgLevel level, boolean inLine) {
        return new ReviewClosureFacts(ReviewKind.REMOVAL, OPENED, on, level, inLine, LocalDate.of(2026, 11, 1));
    }

    @Test
    void the_members_cell_or_a_committee_above_it_closes_the_review() {
        var rule = new ReviewRules.ConsideredInLine("Điều lệ Đảng, điều 8");

        assertThat(rule.check(closure(OPENED, OrgLevel.CELL, true))).isEmpty();
        assertThat(rule.check(closure(OPENED, OrgLevel.GRASSROOTS, true))).isEmpty();
        assertThat(rule.check(closure(OPENED, OrgLevel.CELL, false)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("decidingOrgId"));
    }

    @Test
    void a_review_closes_on_or_after_the_day_it_opened() {
        var rule = new ReviewRules.ClosedAfterOpening();

        assertThat(rule.check(closure(OPENED, OrgLevel.CELL, true))).isEmpty();
        assertThat(rule.check(closure(OPENED.minusDays(1), OrgLevel.CELL, true)))
                .hasValueSatisfying(v -> {
                    assertThat(v.field()).isEqualTo("effectiveDate");
                    assertThat(v.message()).contains("2026-04-01");
                });
    }
}
