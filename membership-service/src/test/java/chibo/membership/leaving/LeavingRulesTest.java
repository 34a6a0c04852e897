package chibo.membership.leaving;

import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.member.MemberDecisionFacts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Expulsion (Điều lệ Đảng điều 35) and screening out (HD 02-HD/BTCTW 2021). */
class LeavingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 20);

    private static MemberDecisionFacts member(MemberStatus status, LetGoGround ground,
                                              Map<Integer, RatingLevel> ratings) {
        return new MemberDecisionFacts(status, null, ground, ratings, DAY, OrgLevel.COMMUNE, true, DAY);
    }

    @Test
    void a_probationary_member_cannot_be_expelled() {
        var rule = new LeavingRules.ExpulsionOfOfficialsOnly("Điều lệ Đảng, điều 35");

        assertThat(rule.check(member(MemberStatus.OFFICIAL, null, Map.of()))).isEmpty();
        assertThat(rule.check(member(MemberStatus.PROBATIONARY, null, Map.of())))
                .hasValueSatisfying(v -> assertThat(v.ruleId()).isEqualTo("expulsion.official-only"));
    }

    @Test
    void screening_out_needs_two_consecutive_years_rated_not_completed() {
        var rule = new LeavingRules.ScreenedOutAfterTwoYears("HD 02-HD/BTCTW (2021)");

        assertThat(rule.check(member(MemberStatus.OFFICIAL, LetGoGround.SCREENED_OUT,
                Map.of(2023, RatingLevel.NOT_COMPLETED, 2024, RatingLevel.NOT_COMPLETED)))).isEmpty();
        assertThat(rule.check(member(MemberStatus.OFFICIAL, LetGoGround.SCREENED_OUT,
                Map.of(2022, RatingLevel.NOT_COMPLETED, 2024, RatingLevel.NOT_COMPLETED))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("ground"));
        assertThat(rule.check(member(MemberStatus.OFFICIAL, LetGoGround.ASKED_TO_LEAVE, Map.of()))).isEmpty();
    }
}
