package chibo.membership.enrolment;

import chibo.contracts.member.MemberStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Members taken over from registers: consistency only, not the admission rules. */
class EnrolmentRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 1);
    private static final LocalDate BORN = LocalDate.of(1970, 2, 3);

    @Test
    void enrols_current_members_whose_status_fits_their_dates() {
        var rule = new EnrolmentRules.PossibleStatus();

        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.OFFICIAL, LocalDate.of(1995, 5, 1),
                LocalDate.of(1996, 5, 1), true, TODAY))).isEmpty();
        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.EXPELLED, LocalDate.of(1995, 5, 1), null, false,
                TODAY))).hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("status"));
        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.PROBATIONARY, LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 6, 1), false, TODAY))).hasValueSatisfying(v -> assertThat(v.field())
                .isEqualTo("recognizedOn"));
        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.PROBATIONARY, LocalDate.of(2025, 5, 1), null,
                true, TODAY))).hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("exempted"));
    }

    @Test
    void rejects_dates_out_of_order() {
        var rule = new EnrolmentRules.DatesInOrder();

        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.OFFICIAL, LocalDate.of(1995, 5, 1),
                LocalDate.of(1994, 5, 1), false, TODAY))).hasValueSatisfying(v -> assertThat(v.field())
                .isEqualTo("recognizedOn"));
        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.PROBATIONARY, TODAY.plusDays(1), null, false,
                TODAY))).hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("admittedOn"));
    }

    @Test
    void rejects_an_implausible_age_at_admission() {
        var rule = new EnrolmentRules.PlausibleAge();

        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.OFFICIAL, BORN.plusYears(25), null, false, TODAY)))
                .isEmpty();
        assertThat(rule.check(new EnrolmentFacts(BORN, MemberStatus.OFFICIAL, BORN.plusYears(12), null, false, TODAY)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("admitted at 12"));
    }
}
