package chibo.dashboard.pages;

import chibo.dashboard.figures.DueList;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DueCountsTest {

    private static DueList.Entry item(String kind, String state) {
        return new DueList.Entry("m", "n", "c", "cell", kind, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                state);
    }

    @Test
    void every_kind_is_counted_by_state_even_when_nothing_of_it_is_due() {
        var counts = DueCounts.of(List.of(item("PROBATION_ENDING", "OVERDUE"), item("PROBATION_ENDING", "OVERDUE"),
                item("IN_TRANSIT", "DUE")));

        assertThat(counts.keySet()).containsExactlyElementsOf(DueCounts.KINDS);
        assertThat(counts.get("PROBATION_ENDING")).containsEntry("OVERDUE", 2L).containsEntry("DUE", 0L);
        assertThat(counts.get("IN_TRANSIT")).containsEntry("DUE", 1L);
        assertThat(DueCounts.total(counts.get("REMOVAL_REVIEW"))).isZero();
    }

    @Test
    void a_readmission_still_waiting_is_coming_up_and_one_whose_waiting_is_over_is_due() {
        var counts = DueCounts.of(List.of(item("READMISSION_WAITING", "WAITING"),
                item("READMISSION_WAITING", "ELIGIBLE"), item("READMISSION_WAITING", "ELIGIBLE")));

        assertThat(counts.get("READMISSION_WAITING")).containsEntry("UPCOMING", 1L).containsEntry("DUE", 2L)
                .containsEntry("OVERDUE", 0L);
    }
}
