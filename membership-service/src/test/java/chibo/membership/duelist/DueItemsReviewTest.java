package chibo.membership.duelist;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.member.MemberReviewOpened;
import chibo.contracts.member.ReviewKind;
import chibo.membership.member.MemberHistory;
import chibo.membership.rules.Regulations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DueItemsReviewTest {

    private final DueItems items = new DueItems(Regulations.DEFAULTS, WorkingDayCalendar.vietnam());

    @Test
    void an_open_review_is_due_thirty_working_days_after_it_opened() {
        // Monday 1 June 2026; June and July hold no public holiday, so 30 working days are six whole weeks
        LocalDate opened = LocalDate.of(2026, 6, 1);
        var member = MemberHistory.officialInCell("m-1", "CB-1")
                .then(opened, new MemberReviewOpened(ReviewKind.LET_GO, "ratings:2024-2025", "twice", List.of()))
                .state();

        assertThat(items.of(member)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.LET_GO_REVIEW);
            assertThat(item.since()).isEqualTo(opened);
            assertThat(item.deadline()).isEqualTo(LocalDate.of(2026, 7, 13));
        });
    }
}
