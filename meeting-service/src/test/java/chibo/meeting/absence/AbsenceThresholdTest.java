package chibo.meeting.absence;

import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.contracts.meeting.Preparation;
import chibo.meeting.cell.CellMeetings;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unexcused absence in three months of a year puts the member's removal on the cell's agenda (Party Charter
 * art. 8; QĐ 24-QĐ/TW point 8.1): reported once, by the meeting that reaches it.
 */
class AbsenceThresholdTest {

    private final EventChains chains = new EventChains("/chibo/meeting-service");
    private final AbsenceThreshold threshold = new AbsenceThreshold(3);
    private CellMeetings state = CellMeetings.empty("C");

    /** Records the meeting and returns what it makes members reach. */
    private List<MemberAbsenceThresholdReached> meeting(String id, String day, AttendanceStatus m1Status) {
        LocalDate date = LocalDate.parse(day);
        MeetingHeld held = new MeetingHeld(id, MeetingKind.REGULAR, null, date.atTime(19, 30), date.atTime(21, 30),
                null, "m-2", "m-2", List.of(new Attendance("m-1", m1Status, null),
                new Attendance("m-2", AttendanceStatus.PRESENT, null)), List.of(), new Preparation(true, true, true),
                true, List.of());
        state = CellMeetings.apply(state, chains.next("C", date, "C", held));
        List<MemberAbsenceThresholdReached> reached = threshold.reachedBy(state, held);
        reached.forEach(r -> state = CellMeetings.apply(state, chains.next("C", date, "C", r)));
        return reached;
    }

    @Test
    void the_third_month_of_unexcused_absence_in_a_year_reaches_the_threshold() {
        assertThat(meeting("jan", "2025-01-10", AttendanceStatus.UNEXCUSED)).isEmpty();
        assertThat(meeting("mar", "2025-03-10", AttendanceStatus.UNEXCUSED)).isEmpty();
        assertThat(meeting("apr", "2025-04-10", AttendanceStatus.PRESENT)).isEmpty();

        var reached = meeting("jun", "2025-06-10", AttendanceStatus.UNEXCUSED);

        assertThat(reached).singleElement().satisfies(r -> {
            assertThat(r.memberId()).isEqualTo("m-1");
            assertThat(r.unexcusedAbsences()).isEqualTo(3);
            assertThat(r.windowFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(r.windowTo()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(r.meetingIds()).containsExactly("jan", "mar", "jun");
        });
    }

    @Test
    void two_absences_in_one_month_count_as_one_month() {
        meeting("jan-a", "2025-01-05", AttendanceStatus.UNEXCUSED);
        meeting("jan-b", "2025-01-25", AttendanceStatus.UNEXCUSED);

        assertThat(meeting("feb", "2025-02-10", AttendanceStatus.UNEXCUSED)).isEmpty();
        assertThat(meeting("mar", "2025-03-10", AttendanceStatus.UNEXCUSED)).singleElement()
                .satisfies(r -> assertThat(r.meetingIds()).containsExactly("jan-a", "jan-b", "feb", "mar"));
    }

    @Test
    void excused_absences_do_not_count() {
        meeting("jan", "2025-01-10", AttendanceStatus.EXCUSED);
        meeting("feb", "2025-02-10", AttendanceStatus.UNEXCUSED);

        assertThat(meeting("mar", "2025-03-10", AttendanceStatus.UNEXCUSED)).isEmpty();
    }

    @Test
    void the_year_is_the_calendar_year_december_and_january_do_not_add_up() {
        meeting("nov", "2024-11-10", AttendanceStatus.UNEXCUSED);
        meeting("dec", "2024-12-10", AttendanceStatus.UNEXCUSED);

        assertThat(meeting("jan", "2025-01-10", AttendanceStatus.UNEXCUSED)).isEmpty();
    }

    @Test
    void the_threshold_is_reported_once_a_year_and_a_fourth_month_reports_nothing_more() {
        meeting("jan", "2025-01-10", AttendanceStatus.UNEXCUSED);
        meeting("feb", "2025-02-10", AttendanceStatus.UNEXCUSED);
        assertThat(meeting("mar", "2025-03-10", AttendanceStatus.UNEXCUSED)).hasSize(1);

        assertThat(meeting("apr", "2025-04-10", AttendanceStatus.UNEXCUSED)).isEmpty();
        assertThat(meeting("jan26", "2026-01-10", AttendanceStatus.UNEXCUSED)).as("a new year starts afresh").isEmpty();
    }

    @Test
    void a_meeting_recorded_late_can_be_the_one_that_reaches_it() {
        meeting("mar", "2025-03-10", AttendanceStatus.UNEXCUSED);
        meeting("may", "2025-05-10", AttendanceStatus.UNEXCUSED);

        assertThat(meeting("feb-late", "2025-02-10", AttendanceStatus.UNEXCUSED)).singleElement()
                .satisfies(r -> assertThat(r.meetingIds()).containsExactly("feb-late", "mar", "may"));
    }
}
