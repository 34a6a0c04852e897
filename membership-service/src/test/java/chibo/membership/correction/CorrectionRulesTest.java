package chibo.membership.correction;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.Regulations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections and appeals (Điều lệ Đảng điều 39.7; removal appeals within 30 working days, configurable). */
class CorrectionRulesTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.vietnam();
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000007");
    private static final LocalDate DECIDED = LocalDate.of(2025, 3, 3);

    private static CorrectionFacts appeal(String type, LocalDate filedOn) {
        return new CorrectionFacts(CorrectionKind.APPEAL_UPHELD, 4, type, EVENT, EVENT, DECIDED, filedOn,
                DECIDED.plusMonths(3), OrgLevel.PROVINCE, true, DECIDED.plusMonths(3));
    }

    @Test
    void corrects_an_event_the_member_has_under_the_id_it_has() {
        var rule = new CorrectionRules.Target();

        assertThat(rule.check(appeal("member.removed.v1", DECIDED))).isEmpty();
        assertThat(rule.check(new CorrectionFacts(CorrectionKind.ANNULLED, 9, null, EVENT, null, null, null, DECIDED,
                OrgLevel.PROVINCE, true, DECIDED))).hasValueSatisfying(v -> assertThat(v.field())
                .isEqualTo("correctedSeq"));
        assertThat(rule.check(new CorrectionFacts(CorrectionKind.ANNULLED, 4, "member.removed.v1", EVENT,
                UUID.randomUUID(), DECIDED, null, DECIDED, OrgLevel.PROVINCE, true, DECIDED)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("correctedEventId"));
        assertThat(rule.check(new CorrectionFacts(CorrectionKind.ANNULLED, 4, "member.corrected.v1", EVENT, EVENT,
                DECIDED, null, DECIDED, OrgLevel.PROVINCE, true, DECIDED))).isPresent();
    }

    @Test
    void a_change_of_residence_is_put_right_by_another_change_not_by_a_correction() {
        var rule = new CorrectionRules.Target();

        assertThat(rule.check(new CorrectionFacts(CorrectionKind.ANNULLED, 4, "member.residence_changed.v1", EVENT,
                EVENT, DECIDED, null, DECIDED, OrgLevel.PROVINCE, true, DECIDED)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("correctedSeq"));
    }

    @Test
    void an_appeal_against_discipline_is_lodged_within_one_month() {
        var rule = new CorrectionRules.AppealWindow(Regulations.DEFAULTS, CALENDAR, "Điều lệ Đảng, điều 39.7");

        assertThat(rule.check(appeal("member.disciplined.v1", DECIDED.plusMonths(1)))).isEmpty();
        assertThat(rule.check(appeal("member.expelled.v1", DECIDED.plusMonths(1).plusDays(1))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("appealFiledOn"));
    }

    @Test
    void an_appeal_against_removal_is_lodged_within_30_working_days() {
        var rule = new CorrectionRules.AppealWindow(Regulations.DEFAULTS, CALENDAR, "Điều lệ Đảng, điều 39.7");
        LocalDate last = CALENDAR.plusWorkingDays(DECIDED, 30);

        assertThat(rule.check(appeal("member.removed.v1", last))).isEmpty();
        assertThat(rule.check(appeal("member.removed.v1", last.plusDays(1)))).isPresent();
    }

    private static CorrectionFacts appealReceived(String type, LocalDate receivedOn, LocalDate filedOn) {
        return new CorrectionFacts(CorrectionKind.APPEAL_UPHELD, 4, type, EVENT, EVENT, DECIDED, filedOn,
                DECIDED.plusMonths(3), OrgLevel.PROVINCE, true, DECIDED.plusMonths(3), receivedOn);
    }

    // Điều lệ Đảng, điều 39.7; QĐ 22-QĐ/TW (2021): one month from the day the member receives the decision
    @Test
    void an_appeal_against_discipline_counts_its_month_from_the_day_the_member_received_the_decision() {
        var rule = new CorrectionRules.AppealWindow(Regulations.DEFAULTS, CALENDAR, "Điều lệ Đảng, điều 39.7");
        LocalDate received = LocalDate.of(2025, 3, 20);

        assertThat(rule.check(appealReceived("member.disciplined.v1", received, LocalDate.of(2025, 4, 15))))
                .as("within a month of receipt, though more than a month after the decision of 3 March").isEmpty();
        assertThat(rule.check(appeal("member.disciplined.v1", LocalDate.of(2025, 4, 15))))
                .as("no day of receipt: counted from the decision").isPresent();
        assertThat(rule.check(appealReceived("member.expelled.v1", received, LocalDate.of(2025, 4, 21))))
                .hasValueSatisfying(v -> {
                    assertThat(v.field()).isEqualTo("appealFiledOn");
                    assertThat(v.message()).contains("last day, 2025-04-20")
                            .contains("received the decision, 2025-03-20");
                });
    }

    @Test
    void an_appeal_against_removal_counts_30_working_days_from_the_day_the_member_received_the_decision() {
        var rule = new CorrectionRules.AppealWindow(Regulations.DEFAULTS, CALENDAR, "Điều lệ Đảng, điều 39.7");
        LocalDate received = LocalDate.of(2025, 3, 10);

        // from Mon 10/03/2025, 30 working days, Hùng Kings' day (Mon 07/04) not counted: Tue 22/04/2025
        assertThat(rule.check(appealReceived("member.removed.v1", received, LocalDate.of(2025, 4, 22)))).isEmpty();
        assertThat(rule.check(appealReceived("member.removed.v1", received, LocalDate.of(2025, 4, 23))))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("last day, 2025-04-22"));
        // from the decision of Mon 03/03/2025 the last day is Tue 15/04/2025
        assertThat(rule.check(appeal("member.removed.v1", LocalDate.of(2025, 4, 22))))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("last day, 2025-04-15")
                        .contains("no day of receipt given"));
    }

    @Test
    void the_member_cannot_receive_a_decision_before_its_date() {
        var rule = new CorrectionRules.AppealWindow(Regulations.DEFAULTS, CALENDAR, "Điều lệ Đảng, điều 39.7");

        assertThat(rule.check(appealReceived("member.removed.v1", DECIDED.minusDays(1), DECIDED.plusDays(5))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("decisionReceivedOn"));
    }

    @Test
    void an_admission_is_not_appealed_and_an_upheld_appeal_needs_its_date() {
        var rule = new CorrectionRules.AppealWindow(Regulations.DEFAULTS, CALENDAR, "Điều lệ Đảng, điều 39.7");

        assertThat(rule.check(appeal("member.admitted.v1", DECIDED))).hasValueSatisfying(v -> assertThat(v.message())
                .contains("not a decision one appeals"));
        assertThat(rule.check(appeal("member.removed.v1", null))).isPresent();
    }
}
