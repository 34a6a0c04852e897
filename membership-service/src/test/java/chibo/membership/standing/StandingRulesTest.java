package chibo.membership.standing;

import chibo.contracts.member.DisciplineLevel;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.member.MemberDecisionFacts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exemption (Điều lệ điều 7), probationers' discipline (Điều lệ điều 35), annual rating (QĐ 366/124-QĐ/TW). */
class StandingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 20);

    private static MemberDecisionFacts member(MemberStatus status, DisciplineLevel level) {
        return new MemberDecisionFacts(status, level, null, Map.of(), DAY, OrgLevel.COMMUNE, true, DAY);
    }

    private static RatingFacts rating(RatingLevel level, int points, boolean disciplined, boolean alreadyRated) {
        return new RatingFacts(2025, level, points, disciplined, alreadyRated, LocalDate.of(2018, 3, 1), DAY,
                OrgLevel.GRASSROOTS, true, DAY);
    }

    @Test
    void only_an_official_member_is_exempted() {
        var rule = new StandingRules.ExemptionOfOfficialsOnly("Điều lệ Đảng, điều 7");

        assertThat(rule.check(member(MemberStatus.OFFICIAL, null))).isEmpty();
        assertThat(rule.check(member(MemberStatus.PROBATIONARY, null)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("PROBATIONARY"));
    }

    @Test
    void a_probationer_may_be_reprimanded_or_warned_but_not_dismissed() {
        var rule = new StandingRules.ProbationerDisciplineForms("Điều lệ Đảng, điều 35");

        assertThat(rule.check(member(MemberStatus.PROBATIONARY, DisciplineLevel.REPRIMAND))).isEmpty();
        assertThat(rule.check(member(MemberStatus.PROBATIONARY, DisciplineLevel.WARNING))).isEmpty();
        assertThat(rule.check(member(MemberStatus.PROBATIONARY, DisciplineLevel.DISMISSAL)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("level"));
        assertThat(rule.check(member(MemberStatus.OFFICIAL, DisciplineLevel.DISMISSAL))).isEmpty();
    }

    @Test
    void the_rating_follows_the_points() {
        var rule = new StandingRules.Rating("QĐ 366-QĐ/TW (30/08/2025)");

        assertThat(rule.check(rating(RatingLevel.EXCELLENT, 90, false, false))).isEmpty();
        assertThat(rule.check(rating(RatingLevel.EXCELLENT, 89, false, false)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("89 points rate GOOD"));
        assertThat(rule.check(rating(RatingLevel.GOOD, 70, false, false))).isEmpty();
        assertThat(rule.check(rating(RatingLevel.COMPLETED, 50, false, false))).isEmpty();
        assertThat(rule.check(rating(RatingLevel.COMPLETED, 49, false, false))).isPresent();
        assertThat(rule.check(rating(RatingLevel.NOT_COMPLETED, 75, false, false)))
                .as("a listed case rates NOT_COMPLETED whatever the points").isEmpty();
    }

    @Test
    void a_member_disciplined_that_year_is_rated_not_completed() {
        var rule = new StandingRules.Rating("QĐ 366-QĐ/TW; QĐ 124-QĐ/TW, điều 12");

        assertThat(rule.check(rating(RatingLevel.GOOD, 80, true, false)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("disciplined"));
        assertThat(rule.check(rating(RatingLevel.NOT_COMPLETED, 80, true, false))).isEmpty();
    }

    @Test
    void a_member_is_rated_once_a_year() {
        var rule = new StandingRules.Rating("QĐ 366-QĐ/TW");

        assertThat(rule.check(rating(RatingLevel.GOOD, 80, false, true)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("year"));
    }
}
