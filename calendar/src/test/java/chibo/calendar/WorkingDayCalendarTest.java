package chibo.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.vietnam();

    @Test
    void saturdays_and_sundays_are_not_working_days() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 8))).as("Saturday 8 March 2025").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 9))).as("Sunday 9 March 2025").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 10))).as("Monday 10 March 2025").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 12))).as("Wednesday 12 March 2025").isTrue();
    }

    @Test
    void national_day_2025_and_the_day_before_it_are_holidays() {
        assertThat(LocalDate.of(2025, 9, 2).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 3))).isTrue();
        assertThat(calendar.holiday(LocalDate.of(2025, 9, 2))).hasValueSatisfying(holiday -> {
            assertThat(holiday.name()).isEqualTo("Quốc khánh");
            assertThat(holiday.kind()).isEqualTo(Holiday.Kind.HOLIDAY);
            assertThat(holiday.source()).contains("Bộ luật Lao động 2019, điều 112");
        });
    }

    @Test
    void reunification_day_and_labour_day_2025_are_holidays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 30))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 1))).isFalse();
        assertThat(calendar.holiday(LocalDate.of(2025, 4, 30)).map(Holiday::name)).hasValue("Ngày Chiến thắng");
        assertThat(calendar.holiday(LocalDate.of(2025, 5, 1)).map(Holiday::name)).hasValue("Ngày Quốc tế lao động");
    }

    @Test
    void an_ordinary_weekday_is_no_holiday() {
        assertThat(calendar.holiday(LocalDate.of(2025, 3, 12))).isEmpty();
    }

    @Test
    void a_deadline_skips_the_tet_holiday() {
        // Start Monday 20 Jan 2025; the start day does not count.
        // January: 21, 22, 23, 24                    -> 4   (25 Jan .. 2 Feb is the Tết break)
        // February: 3-7, 10-14, 17-21, 24-28         -> 20  (running total 24)
        // March: 3-7                                 -> 5   (running total 29)
        // March: Monday 10                           -> 30
        LocalDate start = LocalDate.of(2025, 1, 20);

        assertThat(calendar.plusWorkingDays(start, 30)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(calendar.deadline(start, 30)).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void the_first_working_day_after_tet_2024_comes_a_week_later() {
        // Wednesday 7 Feb 2024; the break runs 8..14 Feb; Thu 15 (1), Fri 16 (2), Mon 19 (3).
        assertThat(calendar.deadline(LocalDate.of(2024, 2, 7), 1)).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(calendar.deadline(LocalDate.of(2024, 2, 7), 3)).isEqualTo(LocalDate.of(2024, 2, 19));
    }

    @Test
    void a_holiday_on_a_sunday_gives_the_monday_off() {
        assertThat(LocalDate.of(2022, 4, 10).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(calendar.holiday(LocalDate.of(2022, 4, 11))).hasValueSatisfying(holiday -> {
            assertThat(holiday.kind()).isEqualTo(Holiday.Kind.COMPENSATION);
            assertThat(holiday.name()).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương");
        });

        assertThat(LocalDate.of(2018, 9, 2).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(calendar.holiday(LocalDate.of(2018, 9, 3)).map(Holiday::kind))
                .hasValue(Holiday.Kind.COMPENSATION);
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 9, 4))).isTrue();
    }

    @Test
    void weekend_holidays_next_to_another_holiday_are_made_up_after_it() {
        // 2023: Hùng Kings' day Saturday 29 Apr, 30 Apr a Sunday, 1 May a Monday; the days off ran 29 Apr..3 May.
        assertThat(calendar.holiday(LocalDate.of(2023, 5, 2)).map(Holiday::kind))
                .hasValue(Holiday.Kind.COMPENSATION);
        assertThat(calendar.holiday(LocalDate.of(2023, 5, 3)).map(Holiday::kind))
                .hasValue(Holiday.Kind.COMPENSATION);
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 4))).isTrue();
    }

    @Test
    void zero_working_days_from_any_day_is_that_day() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 3, 12), 0)).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 1, 29), 0)).isEqualTo(LocalDate.of(2025, 1, 29));
    }

    @Test
    void one_working_day_after_a_friday_is_the_next_monday() {
        assertThat(LocalDate.of(2025, 3, 7).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 3, 7), 1)).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void one_working_day_after_the_friday_before_hung_kings_day_2025_is_the_tuesday() {
        // Hùng Kings' day 2025 fell on Monday 7 April.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 4, 4), 1)).isEqualTo(LocalDate.of(2025, 4, 8));
    }

    @Test
    void counting_from_a_day_off_starts_on_the_next_working_day() {
        // Saturday 25 Jan 2025 is inside the Tết break (25 Jan .. 2 Feb); the first working day is Monday 3 Feb.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 1, 25), 1)).isEqualTo(LocalDate.of(2025, 2, 3));
    }

    @Test
    void the_year_2025_has_250_working_days() {
        // 365 days - 104 Saturdays and Sundays (the year starts and ends on a Wednesday) - 11 weekday days off:
        // 1 Jan, Tết 27..31 Jan (5), Hùng Kings 7 Apr, 30 Apr, 1 May, 1 Sep, 2 Sep.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)))
                .isEqualTo(250);
    }

    @Test
    void working_days_between_undoes_plus_working_days() {
        LocalDate start = LocalDate.of(2015, 1, 3);
        for (int i = 0; i < 420; i++) {
            LocalDate from = start.plusDays(13L * i);
            int n = (i * 7) % 61;
            LocalDate to = calendar.plusWorkingDays(from, n);

            assertThat(calendar.workingDaysBetween(from, to)).as("from %s plus %d", from, n).isEqualTo(n);
            if (n > 0) {
                assertThat(calendar.isWorkingDay(to)).as("%s plus %d lands on a working day", from, n).isTrue();
                assertThat(calendar.workingDaysBetween(from, to.minusDays(1)))
                        .as("the day before %s is still short of the count", to).isEqualTo(n - 1);
            }
        }
    }

    @Test
    void a_day_is_within_n_working_days_up_to_the_deadline_and_not_after() {
        LocalDate start = LocalDate.of(1930, 1, 4);
        for (int i = 0; i < 600; i++) {
            LocalDate from = start.plusDays(103L * i);
            int n = (i * 11) % 67;
            LocalDate deadline = calendar.deadline(from, n);

            assertThat(calendar.isWithinWorkingDays(from, n, deadline)).as("%s + %d on %s", from, n, deadline)
                    .isTrue();
            assertThat(calendar.isWithinWorkingDays(from, n, deadline.plusDays(1)))
                    .as("%s + %d the day after %s", from, n, deadline).isFalse();
            assertThat(calendar.isWithinWorkingDays(from, n, from)).isTrue();
        }
    }

    @Test
    void working_days_between_is_zero_for_the_same_day_and_negative_backwards() {
        LocalDate friday = LocalDate.of(2025, 3, 7);
        LocalDate nextFriday = LocalDate.of(2025, 3, 14);

        assertThat(calendar.workingDaysBetween(friday, friday)).isZero();
        assertThat(calendar.workingDaysBetween(friday, nextFriday)).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(nextFriday, friday)).isEqualTo(-5);
    }

    @Test
    void a_negative_number_of_working_days_is_refused() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2025, 3, 7), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void it_covers_1930_to_2100() {
        assertThat(calendar.firstDay()).isEqualTo(LocalDate.of(1930, 1, 1));
        assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(calendar.covers(1930)).isTrue();
        assertThat(calendar.covers(2100)).isTrue();
        assertThat(calendar.covers(1929)).isFalse();
        assertThat(calendar.covers(2101)).isFalse();
        assertThat(calendar.covers(LocalDate.of(1929, 12, 31))).isFalse();
        assertThat(calendar.covers(LocalDate.of(2101, 1, 1))).isFalse();
    }

    @Test
    void computing_past_2100_is_refused_naming_the_day() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2100, 12, 20), 30))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2101-01-01")
                .hasMessageContaining("2100-12-31");
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2101, 1, 3)))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2101-01-03");
        assertThatThrownBy(() -> calendar.holidays(2101))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2101");
    }

    @Test
    void counting_back_into_1929_is_refused_naming_the_day() {
        assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(1930, 1, 10), LocalDate.of(1929, 12, 20)))
                .isInstanceOf(DateOutsideCalendarException.class)
                .satisfies(e -> assertThat(((DateOutsideCalendarException) e).date())
                        .isEqualTo(LocalDate.of(1929, 12, 20)));
    }

    @Test
    void year_0_and_year_9999_are_refused_not_counted() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(0, 1, 1)))
                .isInstanceOf(DateOutsideCalendarException.class);
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(9999, 12, 31), 1))
                .isInstanceOf(DateOutsideCalendarException.class);
        assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2020, 1, 1), LocalDate.of(9999, 1, 1)))
                .isInstanceOf(DateOutsideCalendarException.class);
    }

    @Test
    void january_and_february_2025_are_tet_months_but_march_is_not() {
        assertThat(calendar.isTetMonth(YearMonth.of(2025, 1))).isTrue();
        assertThat(calendar.isTetMonth(YearMonth.of(2025, 2))).isTrue();
        assertThat(calendar.isTetMonth(YearMonth.of(2025, 3))).isFalse();
        // 1 Jan is a holiday, but not Tết: January 2024 has no Tết day (the 2024 break began on 8 Feb).
        assertThat(calendar.isTetMonth(YearMonth.of(2024, 1))).isFalse();
        assertThat(calendar.isTetMonth(YearMonth.of(2024, 2))).isTrue();
    }

    @Test
    void a_calendar_of_given_days_covers_only_their_years() {
        WorkingDayCalendar custom = WorkingDayCalendar.of(List.of(LocalDate.of(2040, 3, 6)));

        assertThat(custom.isWorkingDay(LocalDate.of(2040, 3, 6))).isFalse();
        assertThat(custom.isWorkingDay(LocalDate.of(2040, 3, 7))).isTrue();
        assertThat(custom.plusWorkingDays(LocalDate.of(2040, 3, 5), 1)).isEqualTo(LocalDate.of(2040, 3, 7));
        assertThat(custom.covers(2040)).isTrue();
        assertThat(custom.covers(2041)).isFalse();
        assertThatThrownBy(() -> custom.isWorkingDay(LocalDate.of(2041, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2041");
    }

    @Test
    void a_calendar_without_days_off_must_name_its_years() {
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class);

        WorkingDayCalendar weekendsOnly = WorkingDayCalendar.of(List.of(), 2040, 2040);
        assertThat(weekendsOnly.workingDaysBetween(LocalDate.of(2040, 1, 1), LocalDate.of(2040, 1, 31)))
                .as("2..31 January 2040: 4 full weeks from Monday 2 Jan, plus Mon 30 and Tue 31").isEqualTo(22);
    }
}
