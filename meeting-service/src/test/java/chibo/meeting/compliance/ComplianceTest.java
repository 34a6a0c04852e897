package chibo.meeting.compliance;

import chibo.contracts.EventPayload;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.cell.Quarter;
import chibo.meeting.roster.CellRoster;
import chibo.meeting.roster.Stint;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meeting duty (Party Charter art. 24; QĐ 294-QĐ/TW): a regular meeting every month, a thematic one every
 * quarter; a breach found once per period, retracted by a meeting recorded late.
 */
class ComplianceTest {

    private final EventChains chains = new EventChains("/chibo/meeting-service");
    private CellMeetings state = CellMeetings.empty("C");

    /** One member, expected since 2025-01-01. */
    private final CellRoster roster = CellRoster.empty("C").withMember("m-1", "Lò Văn Minh",
            List.of(new Stint("C", LocalDate.of(2025, 1, 1), null, Stint.Why.MEMBER)));

    private void record(EventPayload payload, LocalDate on) {
        state = CellMeetings.apply(state, chains.next("C", on, "C", payload));
    }

    private static MeetingHeld meeting(String id, MeetingKind kind, LocalDate day) {
        return new MeetingHeld(id, kind, kind == MeetingKind.REGULAR ? null : "Học tập chuyên đề",
                day.atTime(19, 30), day.atTime(21, 30), "Nhà văn hóa", "m-1", "m-1", List.of(), List.of(),
                new Preparation(true, true, true), true, List.of());
    }

    private void held(String id, MeetingKind kind, String day) {
        LocalDate date = LocalDate.parse(day);
        record(meeting(id, kind, date), date);
    }

    private List<CellMeetingBreachDetected> breaches(List<YearMonth> months, List<Quarter> quarters) {
        return Compliance.breaches(state, roster, months, quarters);
    }

    @Test
    void a_month_without_a_regular_meeting_is_a_breach_and_a_month_with_one_is_not() {
        held("jan", MeetingKind.REGULAR, "2025-01-10");

        assertThat(breaches(List.of(YearMonth.of(2025, 1), YearMonth.of(2025, 2)), List.of()))
                .containsExactly(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-02"));
    }

    @Test
    void the_last_evening_of_a_month_counts_for_that_month_and_the_first_morning_of_the_next_for_the_next() {
        held("late", MeetingKind.REGULAR, "2025-03-31");
        held("early", MeetingKind.REGULAR, "2025-05-01");

        assertThat(breaches(List.of(YearMonth.of(2025, 3), YearMonth.of(2025, 4), YearMonth.of(2025, 5)), List.of()))
                .extracting(CellMeetingBreachDetected::period).containsExactly("2025-04");
    }

    @Test
    void a_quarter_without_a_thematic_meeting_is_a_breach_and_a_combined_meeting_counts_for_both() {
        held("q1-regular", MeetingKind.REGULAR, "2025-02-10");
        held("q2-combined", MeetingKind.COMBINED, "2025-06-30");

        var found = breaches(List.of(YearMonth.of(2025, 6)), List.of(new Quarter(2025, 1), new Quarter(2025, 2)));

        assertThat(found).containsExactly(new CellMeetingBreachDetected(BreachKind.NO_THEMATIC_MEETING, "2025-Q1"));
    }

    @Test
    void a_thematic_meeting_does_not_stand_in_for_the_months_regular_meeting() {
        held("thematic", MeetingKind.THEMATIC, "2025-07-15");

        assertThat(breaches(List.of(YearMonth.of(2025, 7)), List.of(new Quarter(2025, 3))))
                .containsExactly(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-07"));
    }

    @Test
    void a_period_already_found_is_not_found_again() {
        record(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-02"), LocalDate.of(2025, 2, 28));

        assertThat(breaches(List.of(YearMonth.of(2025, 2)), List.of())).isEmpty();
    }

    @Test
    void a_backdated_meeting_retracts_the_standing_breach_of_its_month_and_quarter_once() {
        record(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-02"), LocalDate.of(2025, 2, 28));
        record(new CellMeetingBreachDetected(BreachKind.NO_THEMATIC_MEETING, "2025-Q1"), LocalDate.of(2025, 3, 31));
        MeetingHeld late = meeting("feb", MeetingKind.COMBINED, LocalDate.of(2025, 2, 20));

        var retracted = Compliance.retractedBy(state, late);
        assertThat(retracted).extracting(r -> r.kind() + " " + r.period() + " by " + r.meetingId())
                .containsExactly("NO_REGULAR_MEETING 2025-02 by feb", "NO_THEMATIC_MEETING 2025-Q1 by feb");

        record(late, LocalDate.of(2025, 2, 20));
        retracted.forEach(r -> record(r, LocalDate.of(2025, 2, 20)));
        assertThat(state.standingBreaches(2025)).isEmpty();
        assertThat(Compliance.retractedBy(state, meeting("another", MeetingKind.COMBINED, LocalDate.of(2025, 2, 21))))
                .as("nothing left to retract").isEmpty();
        assertThat(breaches(List.of(YearMonth.of(2025, 2)), List.of(new Quarter(2025, 1))))
                .as("a retracted period is not found again").isEmpty();
    }

    @Test
    void a_meeting_of_another_month_retracts_nothing() {
        record(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-02"), LocalDate.of(2025, 2, 28));

        assertThat(Compliance.retractedBy(state, meeting("mar", MeetingKind.REGULAR, LocalDate.of(2025, 3, 1))))
                .isEmpty();
    }

    @Test
    void a_period_in_which_nobody_had_to_attend_owes_nothing() {
        CellRoster exemptedOnly = CellRoster.empty("C").withMember("m-2", "Hà Thị Lan",
                List.of(new Stint("C", LocalDate.of(2025, 1, 1), null, Stint.Why.EXEMPTED)));

        assertThat(Compliance.breaches(state, exemptedOnly, List.of(YearMonth.of(2025, 3)),
                List.of(new Quarter(2025, 1)))).isEmpty();
    }

    @Test
    void a_breach_takes_effect_on_the_last_day_of_its_period() {
        assertThat(Compliance.lastDayOf(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2024-02")))
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Compliance.lastDayOf(new CellMeetingBreachDetected(BreachKind.NO_THEMATIC_MEETING, "2025-Q3")))
                .isEqualTo(LocalDate.of(2025, 9, 30));
    }
}
