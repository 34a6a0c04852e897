package chibo.membership.probation;

import chibo.calendar.WorkingDayCalendar;
import chibo.membership.rules.Regulations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recognition decided after its deadline is accepted and flagged with the deadline it missed: the cell considers
 * it within 30 working days after probation ends, the committee decides within 30 working days of the cell's
 * resolution (QĐ 24-QĐ/TW and QĐ 294-QĐ/TW, point 4.2.2); official membership still counts from the end of probation.
 */
class RecognitionDeadlinesTest {

    private final RecognitionDeadlines deadlines =
            new RecognitionDeadlines(Regulations.DEFAULTS, WorkingDayCalendar.vietnam());

    private static final LocalDate PROBATION_ENDS = LocalDate.of(2025, 4, 10);

    @Test
    void a_recognition_considered_and_decided_in_time_is_not_flagged() {
        assertThat(deadlines.missed(PROBATION_ENDS, LocalDate.of(2025, 4, 25), LocalDate.of(2025, 5, 6))).isEmpty();
    }

    @Test
    void the_cells_30_working_days_skip_30_april_to_2_may_and_count_the_saturday_worked_on_26_april_2025() {
        // from Fri 11/04: Sat 26/04 is worked, 30/04, 01/05 and the swapped Fri 02/05 are off: Mon 26/05/2025
        assertThat(deadlines.missed(PROBATION_ENDS, LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 2))).isEmpty();
        assertThat(deadlines.missed(PROBATION_ENDS, LocalDate.of(2025, 5, 27), LocalDate.of(2025, 6, 2)))
                .contains(LocalDate.of(2025, 5, 26));
    }

    @Test
    void a_committee_deciding_more_than_30_working_days_after_the_cell_is_flagged_with_its_deadline() {
        // the cell resolved on Tue 20/05/2025: the committee had until Tue 01/07/2025
        LocalDate resolution = LocalDate.of(2025, 5, 20);

        assertThat(deadlines.missed(PROBATION_ENDS, resolution, LocalDate.of(2025, 7, 1))).isEmpty();
        assertThat(deadlines.missed(PROBATION_ENDS, resolution, LocalDate.of(2025, 7, 2)))
                .contains(LocalDate.of(2025, 7, 1));
    }

    @Test
    void when_both_are_late_the_cells_deadline_is_the_one_named() {
        assertThat(deadlines.missed(PROBATION_ENDS, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 1)))
                .contains(LocalDate.of(2025, 5, 26));
    }
}
