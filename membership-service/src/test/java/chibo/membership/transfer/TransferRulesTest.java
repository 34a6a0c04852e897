package chibo.membership.transfer;

import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.contracts.organization.OrgLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Transfers (QĐ 294-QĐ/TW point 6.3) and residence liaison (QĐ 213-QĐ/TW, HD 33-HD/BTCTW). */
class TransferRulesTest {

    private static final LocalDate START = LocalDate.of(2025, 3, 1);

    private static TransferFacts transfer(TransferKind kind, TransferFacts.Circumstance circumstance, boolean inTree,
                                          boolean home) {
        return new TransferFacts(kind, circumstance, null, inTree, home, true, START, null, OrgLevel.COMMUNE, true,
                START);
    }

    private static TransferFacts stay(TemporaryReason reason, LocalDate until) {
        return new TransferFacts(null, null, reason, true, false, true, START, until, OrgLevel.COMMUNE, true, START);
    }

    @Test
    void a_transfer_goes_to_another_cell_under_the_receiving_organisation() {
        var rule = new TransferRules.Destination("QĐ 294-QĐ/TW, điểm 6.3.1");

        assertThat(rule.check(transfer(TransferKind.OFFICIAL, TransferFacts.Circumstance.NEW_JOB, true, false)))
                .isEmpty();
        assertThat(rule.check(transfer(TransferKind.OFFICIAL, TransferFacts.Circumstance.NEW_JOB, true, true)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("already belongs"));
        assertThat(rule.check(transfer(TransferKind.OFFICIAL, TransferFacts.Circumstance.NEW_JOB, false, false)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("toCellId"));
    }

    @Test
    void activity_moves_to_the_place_of_residence_for_those_who_retire_or_are_out_of_work() {
        var rule = new TransferRules.ResidenceCircumstance("QĐ 294-QĐ/TW, điểm 6.3.1");

        assertThat(rule.check(transfer(TransferKind.TO_RESIDENCE, TransferFacts.Circumstance.RETIRED, true, false)))
                .isEmpty();
        assertThat(rule.check(transfer(TransferKind.TO_RESIDENCE, TransferFacts.Circumstance.UNEMPLOYED, true,
                false))).isEmpty();
        assertThat(rule.check(transfer(TransferKind.TO_RESIDENCE, TransferFacts.Circumstance.NEW_JOB, true, false)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("circumstance"));
        assertThat(rule.check(transfer(TransferKind.OFFICIAL, TransferFacts.Circumstance.NEW_JOB, true, false)))
                .isEmpty();
    }

    @Test
    void a_temporary_stay_for_work_lasts_three_to_under_twelve_months() {
        var rule = new TransferRules.TemporaryDuration("QĐ 294-QĐ/TW, điểm 6.3.2");

        assertThat(rule.check(stay(TemporaryReason.WORK, START.plusMonths(3)))).isEmpty();
        assertThat(rule.check(stay(TemporaryReason.WORK, START.plusMonths(12).minusDays(1)))).isEmpty();
        assertThat(rule.check(stay(TemporaryReason.WORK, START.plusMonths(12))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("until"));
        assertThat(rule.check(stay(TemporaryReason.RESIDENCE, START.plusMonths(2)))).isPresent();
    }

    @Test
    void a_temporary_stay_for_study_may_last_up_to_twenty_four_months() {
        var rule = new TransferRules.TemporaryDuration("QĐ 294-QĐ/TW, điểm 6.3.2");

        assertThat(rule.check(stay(TemporaryReason.STUDY, START.plusMonths(24)))).isEmpty();
        assertThat(rule.check(stay(TemporaryReason.STUDY, START.plusMonths(25)))).isPresent();
    }

    @Test
    void residence_liaison_is_with_another_cell() {
        var rule = new TransferRules.ResidenceLiaison("QĐ 213-QĐ/TW (02/01/2020)");

        assertThat(rule.check(new TransferFacts(null, null, null, true, false, true, START, null, OrgLevel.CELL, true,
                START))).isEmpty();
        assertThat(rule.check(new TransferFacts(null, null, null, true, true, true, START, null, OrgLevel.CELL, true,
                START))).hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("residenceCellId"));
        assertThat(rule.check(new TransferFacts(null, null, null, true, false, false, START, null, OrgLevel.CELL, true,
                START))).isPresent();
        assertThat(rule.source()).contains("QĐ 213");
    }
}
