package chibo.meeting.compliance;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.EventPayload;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.compliance.MeetingDuty.Period;
import chibo.meeting.compliance.MeetingDuty.Status;
import chibo.meeting.roster.CellRoster;
import chibo.meeting.roster.Stint;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a cell's months and quarters stand on the meeting duty (Party Charter art. 24; QĐ 294-QĐ/TW), checks from
 * 2025-03 on, a period closing the day after it ends.
 */
class MeetingDutyTest {

    private final EventChains chains = new EventChains("/chibo/meeting-service");
    private final MeetingDuty duty = new MeetingDuty(new ComplianceWindows(WorkingDayCalendar.vietnam(),
            YearMonth.of(2025, 3), 0));
    private CellMeetings state = CellMeetings.empty("C");

    /** One member, expected from 2025-02-01 to 2025-10-31. */
    private final CellRoster roster = CellRoster.empty("C").withMember("m-1", "Lò Văn Minh",
            List.of(new Stint("C", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 11, 1), Stint.Why.MEMBER)));

    private void record(EventPayload payload, String day) {
        state = CellMeetings.apply(state, chains.next("C", LocalDate.parse(day), "C", payload));
    }

    private void held(String id, MeetingKind kind, String day) {
        LocalDate date = LocalDate.parse(day);
        record(new MeetingHeld(id, kind, kind == MeetingKind.REGULAR ? null : "Học tập chuyên đề",
                date.atTime(19, 30), date.atTime(21, 30), "Nhà văn hóa", "m-1", "m-1", List.of(), List.of(),
                new Preparation(true, true, true), true, List.of()), day);
    }

    private Status month(int month, String today) {
        return duty.months(2025, LocalDate.parse(today), state, roster).get(month - 1).status();
    }

    @Test
    void a_month_with_a_regular_meeting_is_held() {
        held("apr", MeetingKind.REGULAR, "2025-04-10");

        assertThat(month(4, "2025-04-11")).isEqualTo(Status.HELD);
    }

    @Test
    void a_month_without_one_is_open_until_it_closes_then_unchecked_until_the_check_reports_the_breach() {
        assertThat(month(5, "2025-05-31")).isEqualTo(Status.OPEN);
        assertThat(month(5, "2025-06-01")).isEqualTo(Status.UNCHECKED);

        record(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-05"), "2025-05-31");

        assertThat(month(5, "2025-06-01")).isEqualTo(Status.BREACH);
    }

    @Test
    void nothing_is_owed_before_the_checks_start_or_while_nobody_has_to_attend() {
        assertThat(month(2, "2025-12-31")).isEqualTo(Status.NOT_REQUIRED);
        assertThat(month(11, "2025-12-31")).isEqualTo(Status.NOT_REQUIRED);
        assertThat(month(10, "2025-12-31")).isEqualTo(Status.UNCHECKED);
    }

    @Test
    void a_meeting_recorded_late_shows_the_month_held_and_says_it_retracted_a_breach() {
        record(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-06"), "2025-06-30");
        held("jun-late", MeetingKind.REGULAR, "2025-06-20");
        record(new CellMeetingBreachRetracted(BreachKind.NO_REGULAR_MEETING, "2025-06", "jun-late"), "2025-06-30");

        assertThat(duty.months(2025, LocalDate.parse("2025-07-15"), state, roster).get(5))
                .isEqualTo(new Period("2025-06", Status.HELD, true));
    }

    @Test
    void a_quarter_is_held_by_a_thematic_or_combined_meeting_and_a_regular_one_does_not_count() {
        held("q2", MeetingKind.REGULAR, "2025-05-10");
        held("q3", MeetingKind.COMBINED, "2025-08-10");

        assertThat(duty.quarters(2025, LocalDate.parse("2025-12-31"), state, roster))
                .extracting(Period::status)
                .containsExactly(Status.UNCHECKED, Status.UNCHECKED, Status.HELD, Status.OPEN);
    }
}
