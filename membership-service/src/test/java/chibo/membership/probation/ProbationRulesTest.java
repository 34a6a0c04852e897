package chibo.membership.probation;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.Regulations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The ceremony and probation (Điều lệ Đảng điều 5; QĐ 24/294-QĐ/TW points 4.2, 4.3). */
class ProbationRulesTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.vietnam();
    private static final LocalDate ADMITTED = LocalDate.of(2024, 9, 16);
    private static final LocalDate TODAY = LocalDate.of(2025, 11, 1);

    private static ProbationFacts ceremony(LocalDate on, LocalDate received) {
        return new ProbationFacts(on, ADMITTED, received, null, null, OrgLevel.CELL, true, TODAY);
    }

    private static ProbationFacts consideration(LocalDate swornIn, LocalDate resolution, LocalDate decision) {
        return new ProbationFacts(decision, ADMITTED, ADMITTED, swornIn, resolution, OrgLevel.COMMUNE, true, TODAY);
    }

    @Test
    void the_ceremony_is_held_within_30_working_days_of_receiving_the_decision() {
        var rule = new ProbationRules.CeremonyDeadline(Regulations.DEFAULTS, CALENDAR, "QĐ 294-QĐ/TW, điểm 4.3");
        LocalDate received = LocalDate.of(2024, 9, 20);
        LocalDate last = CALENDAR.plusWorkingDays(received, 30);

        assertThat(rule.check(ceremony(last, received))).isEmpty();
        assertThat(rule.check(ceremony(CALENDAR.plusWorkingDays(last, 1), received)))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("ceremonyDate"));
        assertThat(rule.source()).contains("4.3");
    }

    @Test
    void the_ceremony_cannot_precede_the_cell_receiving_the_decision() {
        var rule = new ProbationRules.CeremonyDeadline(Regulations.DEFAULTS, CALENDAR, "QĐ 294-QĐ/TW, điểm 4.3");

        assertThat(rule.check(ceremony(ADMITTED.plusDays(1), ADMITTED.plusDays(3)))).isPresent();
        assertThat(rule.check(ceremony(ADMITTED.plusDays(5), ADMITTED.minusDays(1))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("decisionReceivedOn"));
    }

    @Test
    void recognition_is_considered_only_after_twelve_months_of_probation() {
        var rule = new ProbationRules.ProbationServed(Regulations.DEFAULTS, "Điều lệ Đảng, điều 5");
        LocalDate swornIn = LocalDate.of(2024, 10, 5);

        assertThat(rule.check(consideration(swornIn, swornIn.plusMonths(12), swornIn.plusMonths(13)))).isEmpty();
        assertThat(rule.check(consideration(swornIn, swornIn.plusMonths(12).minusDays(1), swornIn.plusMonths(13))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("cellResolutionDate"));
    }

    @Test
    void the_committee_decides_after_the_cell() {
        var rule = new ProbationRules.ProbationServed(Regulations.DEFAULTS, "Điều lệ Đảng, điều 5");
        LocalDate swornIn = LocalDate.of(2024, 10, 5);

        assertThat(rule.check(consideration(swornIn, swornIn.plusMonths(13), swornIn.plusMonths(12).plusDays(5))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("decisionDate"));
    }
}
