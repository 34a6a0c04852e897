package chibo.meeting.compliance;

import chibo.calendar.WorkingDayCalendar;
import chibo.meeting.cell.Quarter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a month or quarter is closed for the meeting-duty check (a regular meeting monthly, a thematic one
 * quarterly: Party Charter art. 24, QĐ 294-QĐ/TW): after a grace of working days on Vietnam's calendar (Bộ luật Lao
 * động 2019 art. 112; Tết Nguyên đán as decreed each year).
 */
class ComplianceWindowsTest {

    private final WorkingDayCalendar vietnam = WorkingDayCalendar.vietnam();

    @Test
    void a_month_closes_after_five_working_days_past_its_last_day() {
        var windows = new ComplianceWindows(vietnam, YearMonth.of(2025, 1), 5);

        // 30/09/2025 is a Tuesday: 1, 2, 3, 6, 7 October are the five working days after it
        assertThat(windows.checkableFrom(LocalDate.of(2025, 9, 30))).isEqualTo(LocalDate.of(2025, 10, 8));
        assertThat(windows.closedMonths(LocalDate.of(2025, 10, 7), YearMonth.of(2025, 9))).isEmpty();
        assertThat(windows.closedMonths(LocalDate.of(2025, 10, 8), YearMonth.of(2025, 9)))
                .containsExactly(YearMonth.of(2025, 9));
    }

    @Test
    void the_grace_after_a_month_ending_in_tet_counts_only_working_days() {
        var windows = new ComplianceWindows(vietnam, YearMonth.of(2017, 1), 5);

        // Tết Đinh Dậu: 26/01–01/02/2017 off; the five working days after 31/01 are 2, 3, 6, 7, 8 February
        assertThat(windows.checkableFrom(LocalDate.of(2017, 1, 31))).isEqualTo(LocalDate.of(2017, 2, 9));
        var weekdaysOnly = new ComplianceWindows(WorkingDayCalendar.of(List.of(), 2017, 2017), YearMonth.of(2017, 1), 5);
        assertThat(weekdaysOnly.checkableFrom(LocalDate.of(2017, 1, 31))).isEqualTo(LocalDate.of(2017, 2, 8));
    }

    @Test
    void a_month_in_which_tet_falls_still_owes_its_regular_meeting() {
        var windows = new ComplianceWindows(vietnam, YearMonth.of(2026, 1), 5);

        // Tết Bính Ngọ: 14–22/02/2026; February is checked like any month once its grace has passed
        assertThat(windows.closedMonths(LocalDate.of(2026, 3, 9), YearMonth.of(2026, 1)))
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    }

    @Test
    void the_30_april_and_1_may_holidays_lengthen_aprils_grace() {
        var windows = new ComplianceWindows(vietnam, YearMonth.of(2025, 1), 5);

        // 30/04 and 01/05/2025 are holidays and the civil service took Friday 02/05 off (working Saturday 26/04
        // instead): the five working days after 30 April are 5, 6, 7, 8, 9 May
        assertThat(windows.checkableFrom(LocalDate.of(2025, 4, 30))).isEqualTo(LocalDate.of(2025, 5, 10));
    }

    @Test
    void quarters_close_on_their_last_month_and_are_checked_from_the_quarter_of_the_first_month_owed() {
        var windows = new ComplianceWindows(vietnam, YearMonth.of(2025, 7), 0);

        assertThat(windows.closedQuarters(LocalDate.of(2025, 12, 31), YearMonth.of(2025, 8)))
                .containsExactly(new Quarter(2025, 3));
        assertThat(windows.closedQuarters(LocalDate.of(2026, 1, 1), YearMonth.of(2025, 8)))
                .containsExactly(new Quarter(2025, 3), new Quarter(2025, 4));
        assertThat(windows.closedQuarters(LocalDate.of(2026, 1, 1), YearMonth.of(2024, 2)))
                .as("nothing before the checks start").first().isEqualTo(new Quarter(2025, 3));
    }

    @Test
    void with_no_grace_a_month_closes_the_day_after_it_ends_and_the_year_boundary_is_a_month_boundary() {
        var windows = new ComplianceWindows(vietnam, YearMonth.of(2025, 11), 0);

        assertThat(windows.closedMonths(LocalDate.of(2025, 12, 31), null)).containsExactly(YearMonth.of(2025, 11));
        assertThat(windows.closedMonths(LocalDate.of(2026, 1, 1), null))
                .containsExactly(YearMonth.of(2025, 11), YearMonth.of(2025, 12));
    }

    @Test
    void beyond_the_calendars_data_weekdays_count() {
        var windows = new ComplianceWindows(vietnam, YearMonth.of(2031, 1), 1);

        // 31/01/2031 is a Friday; no holiday data for 2031: Monday 3 February is the first working day after
        assertThat(windows.checkableFrom(LocalDate.of(2031, 1, 31))).isEqualTo(LocalDate.of(2031, 2, 4));
    }

    @Test
    void quarters_are_named_as_breach_periods_are() {
        assertThat(Quarter.of(YearMonth.of(2025, 3))).hasToString("2025-Q1");
        assertThat(Quarter.of(LocalDate.of(2025, 10, 1))).hasToString("2025-Q4");
        assertThat(new Quarter(2025, 4).next()).isEqualTo(new Quarter(2026, 1));
        assertThat(new Quarter(2025, 1).lastDay()).isEqualTo(LocalDate.of(2025, 3, 31));
    }
}
