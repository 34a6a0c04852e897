package chibo.membership.rules;

import chibo.contracts.organization.OrgLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules every decision keeps: dated no later than today, by a competent committee, no district after 07/2025. */
class DecisionRulesTest {

    private record Decision(LocalDate effectiveDate, OrgLevel decidingLevel, boolean decidedInLine,
                            LocalDate today) implements DecisionFacts {
    }

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 1);

    @Test
    void rejects_a_decision_dated_after_today() {
        var rule = new DecisionRules.NotInFuture();

        assertThat(rule.check(new Decision(TODAY, OrgLevel.COMMUNE, true, TODAY))).isEmpty();
        assertThat(rule.check(new Decision(TODAY.plusDays(1), OrgLevel.COMMUNE, true, TODAY)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("effectiveDate"));
    }

    @Test
    void a_cell_resolves_but_only_a_committee_above_the_member_decides() {
        var rule = new DecisionRules.CompetentCommittee("QĐ 294-QĐ/TW, điểm 4.1");

        assertThat(rule.check(new Decision(TODAY, OrgLevel.GRASSROOTS, true, TODAY))).isEmpty();
        assertThat(rule.check(new Decision(TODAY, OrgLevel.CELL, true, TODAY)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("decidingOrgId"));
        assertThat(rule.check(new Decision(TODAY, OrgLevel.GRASSROOTS, false, TODAY)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("not above"));
        assertThat(rule.source()).contains("4.1");
    }

    @Test
    void a_district_committee_no_longer_decides_under_qd_294() {
        var rule = new DecisionRules.NoDistrictLevel();

        assertThat(rule.check(new Decision(TODAY, OrgLevel.DISTRICT, true, TODAY)))
                .hasValueSatisfying(v -> assertThat(v.ruleId()).isEqualTo("decision.no-district-level"));
        assertThat(rule.check(new Decision(TODAY, OrgLevel.PROVINCE, true, TODAY))).isEmpty();
        assertThat(rule.source()).contains("QĐ 294-QĐ/TW").contains("01/07/2025");
    }

    @Test
    void a_chi_bo_co_so_resolves_but_the_committee_above_it_admits() {
        // QĐ 24-QĐ/TW and QĐ 294-QĐ/TW, điểm 4.1: the standing board of the committee directly above the grassroots
        // organisation decides; a chi bộ cơ sở is the grassroots organisation itself
        var rule = new DecisionRules.SuperiorCommittee("QĐ 294-QĐ/TW, điểm 4.1");

        assertThat(rule.check(new Decision(TODAY, OrgLevel.GRASSROOTS_CELL, true, TODAY)))
                .hasValueSatisfying(v -> {
                    assertThat(v.ruleId()).isEqualTo("decision.superior-committee");
                    assertThat(v.field()).isEqualTo("decidingOrgId");
                });
        assertThat(rule.check(new Decision(TODAY, OrgLevel.COMMUNE, true, TODAY))).isEmpty();
        assertThat(rule.check(new Decision(LocalDate.of(2025, 6, 30), OrgLevel.DISTRICT, true, TODAY))).isEmpty();
        assertThat(rule.check(new Decision(TODAY, OrgLevel.GRASSROOTS, true, TODAY))).isEmpty();
    }
}
