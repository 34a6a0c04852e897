package chibo.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holidays of years the data does not list, by the labour rules in force each year. Expected days follow from
 * the wording of the law and the published Tết dates, worked out by hand in the comments.
 */
class VietnamHolidayRulesTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.vietnam();

    @Test
    void under_the_labour_code_of_1994_tet_is_the_last_day_of_the_year_and_the_first_three_of_the_new() {
        // Tết Canh Thìn: Saturday 5 Feb 2000; the five-day week began on 02/10/1999, so Saturday 5 and Sunday 6
        // are made up on Tuesday 8 and Wednesday 9.
        assertThat(tet(2000)).containsExactly(LocalDate.of(2000, 2, 4), LocalDate.of(2000, 2, 5),
                LocalDate.of(2000, 2, 6), LocalDate.of(2000, 2, 7));
        assertThat(compensation(2000)).contains(LocalDate.of(2000, 2, 8), LocalDate.of(2000, 2, 9));
        assertThat(calendar.holiday(LocalDate.of(2000, 2, 4)).orElseThrow().source())
                .contains("Bộ luật Lao động 1994, điều 73");
        assertThat(calendar.isWorkingDay(LocalDate.of(2000, 2, 10))).isTrue();
    }

    @Test
    void a_sunday_holiday_is_made_up_after_the_holidays_that_follow_it() {
        // 30 Apr 2000 a Sunday, 1 May a Monday holiday: the day made up is Tuesday 2 May.
        assertThat(calendar.holiday(LocalDate.of(2000, 5, 2))).hasValueSatisfying(day -> {
            assertThat(day.kind()).isEqualTo(Holiday.Kind.COMPENSATION);
            assertThat(day.name()).isEqualTo("Nghỉ bù Ngày Chiến thắng");
        });
        assertThat(calendar.isWorkingDay(LocalDate.of(2000, 5, 3))).isTrue();
    }

    @Test
    void hung_kings_day_is_a_holiday_from_2007() {
        assertThat(named(2006, "Giỗ Tổ Hùng Vương")).isEmpty();
        assertThat(named(2007, "Giỗ Tổ Hùng Vương")).containsExactly(LocalDate.of(2007, 4, 26));
        assertThat(calendar.holiday(LocalDate.of(2007, 4, 26)).orElseThrow().source()).contains("84/2007/QH11");
        assertThat(named(2014, "Giỗ Tổ Hùng Vương")).containsExactly(LocalDate.of(2014, 4, 9));
    }

    @Test
    void tet_2013_came_before_the_labour_code_of_2012_took_effect_and_has_four_days() {
        // Tết Quý Tỵ: Sunday 10 Feb 2013; Bộ luật Lao động 2012 took effect on 01/05/2013.
        assertThat(tet(2013)).containsExactly(LocalDate.of(2013, 2, 9), LocalDate.of(2013, 2, 10),
                LocalDate.of(2013, 2, 11), LocalDate.of(2013, 2, 12));
        assertThat(compensation(2013)).contains(LocalDate.of(2013, 2, 13), LocalDate.of(2013, 2, 14));
    }

    @Test
    void from_2031_tet_has_five_days_and_national_day_two() {
        // Tết Tân Hợi: Thursday 23 Jan 2031 (Bộ luật Lao động 2019, điều 112: 5 days).
        assertThat(calendar.holidays(2031).stream().filter(Holiday::isTet)).hasSize(5)
                .allSatisfy(day -> assertThat(day.source()).contains("Bộ luật Lao động 2019").contains("verify"));
        assertThat(named(2031, "Quốc khánh")).containsExactly(LocalDate.of(2031, 9, 1), LocalDate.of(2031, 9, 2));
        assertThat(tet(2100)).hasSize(5).contains(LocalDate.of(2100, 2, 9));
    }

    @Test
    void before_the_five_day_week_saturday_is_a_working_day() {
        assertThat(calendar.isWorkingDay(LocalDate.of(1999, 9, 25))).as("Saturday 25 Sep 1999").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(1999, 10, 2))).as("Saturday 2 Oct 1999").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(1999, 9, 26))).as("Sunday 26 Sep 1999").isFalse();
    }

    @Test
    void before_the_five_day_week_only_a_sunday_holiday_is_made_up() {
        // 30 Apr 1994 a Saturday (a working day then): nothing made up; 1 May a Sunday: Monday 2 May off.
        assertThat(compensation(1994)).contains(LocalDate.of(1994, 5, 2)).doesNotContain(LocalDate.of(1994, 5, 3));
    }

    @Test
    void a_day_is_no_holiday_before_the_event_it_remembers() {
        assertThat(named(1930, "Quốc khánh")).isEmpty();
        assertThat(named(1946, "Quốc khánh")).containsExactly(LocalDate.of(1946, 9, 2));
        assertThat(named(1975, "Ngày Chiến thắng")).isEmpty();
        assertThat(named(1976, "Ngày Chiến thắng")).containsExactly(LocalDate.of(1976, 4, 30));
        assertThat(calendar.holiday(LocalDate.of(1960, 1, 1)).orElseThrow().source())
                .contains("applied by chibo").contains("verify");
    }

    /** The Prime Minister's approvals of 2018 for 2019 (press: Tiền Phong, 07/2018; Sức khỏe & Đời sống, 22/04/2019). */
    @Test
    void the_civil_services_swapped_days_of_2019_are_data() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 12, 31))).as("Mon 31/12/2018 off").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2019, 1, 5))).as("Sat 05/01/2019 worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2019, 4, 29))).as("Mon 29/04/2019 off").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2019, 5, 4))).as("Sat 04/05/2019 worked").isTrue();
        assertThat(calendar.workedRestDays(2019)).containsExactly(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 5, 4));
        // the swaps move a working day, they add none: 30 working days from Fri 26/04/2019 end on Tue 11/06/2019
        assertThat(calendar.plusWorkingDays(LocalDate.of(2019, 4, 26), 30)).isEqualTo(LocalDate.of(2019, 6, 11));
    }

    @Test
    void the_civil_services_swapped_days_of_2024_and_2025_are_data() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 29))).as("Mon 29/04/2024 off").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 4))).as("Sat 04/05/2024 worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).as("Fri 02/05/2025 off").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).as("Sat 26/04/2025 worked").isTrue();
        assertThat(calendar.holiday(LocalDate.of(2024, 4, 29)).map(Holiday::kind)).hasValue(Holiday.Kind.SWAP);
        assertThat(calendar.workedRestDays(2025)).containsExactly(LocalDate.of(2025, 4, 26));
        assertThat(calendar.holidays(2025)).noneMatch(day -> day.kind() == Holiday.Kind.WORKED);
    }

    @Test
    void the_civil_services_swapped_days_of_2015_and_2026_are_data() {
        // 2015: the New Year (Fri 02/01 off; its Saturday worked, 27/12/2014, lies in a computed year), Tết (Mon
        // 16/02 off, Sat 14/02 worked) and Giỗ Tổ with 30/4 (Wed 29/04 off, Sat 25/04 worked)
        assertThat(calendar.holiday(LocalDate.of(2015, 1, 2)).map(Holiday::kind)).hasValue(Holiday.Kind.SWAP);
        assertThat(calendar.holiday(LocalDate.of(2015, 2, 16)).map(Holiday::kind)).hasValue(Holiday.Kind.SWAP);
        assertThat(calendar.holiday(LocalDate.of(2015, 4, 29)).map(Holiday::kind)).hasValue(Holiday.Kind.SWAP);
        assertThat(calendar.workedRestDays(2015)).containsExactly(LocalDate.of(2015, 2, 14),
                LocalDate.of(2015, 4, 25));
        // the break ran on from Tuesday 17/02 to Monday 23/02, mùng 3 Tết's compensation day
        assertThat(calendar.holidays(2015).stream().filter(Holiday::isTet).map(Holiday::date))
                .first().isEqualTo(LocalDate.of(2015, 2, 17));
        assertThat(calendar.isWorkingDay(LocalDate.of(2015, 2, 23))).isFalse();
        // 2026: the New Year (Fri 02/01 off, Sat 10/01 worked, Văn bản 12729/VPCP-KGVX)
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).as("Fri 02/01/2026 off").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 10))).as("Sat 10/01/2026 worked").isTrue();
        // Wed 31/12/2025 + 3 working days: Mon 05/01 (1), Tue 06/01 (2), Wed 07/01 (3)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 31), 3)).isEqualTo(LocalDate.of(2026, 1, 7));
        // Fri 09/01/2026 + 1 working day is the Saturday worked
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 10));
    }

    @Test
    void every_year_from_1930_to_2100_has_its_tet_break_and_new_years_day() {
        VietnameseLunarCalendar lunar = VietnameseLunarCalendar.vietnam();
        for (int year = 1930; year <= 2100; year++) {
            List<LocalDate> tet = tet(year);
            assertThat(tet).as("Tết %d", year).contains(lunar.newYear(year)).hasSizeBetween(4, 9);
            assertThat(tet.getLast()).as("Tết %d has no gap", year).isEqualTo(tet.getFirst().plusDays(tet.size() - 1));
            assertThat(calendar.holiday(LocalDate.of(year, 1, 1)).map(Holiday::name)).as("1/1/%d", year)
                    .hasValue("Tết Dương lịch");
        }
    }

    @Test
    void counting_crosses_from_the_data_into_the_computed_years() {
        // Fri 27 Dec 2030: Mon 30 (1), Tue 31 (2), 1 Jan 2031 a holiday, Thu 2 Jan (3).
        assertThat(calendar.plusWorkingDays(LocalDate.of(2030, 12, 27), 3)).isEqualTo(LocalDate.of(2031, 1, 2));
        // Wed 31 Dec 2014: 1 Jan 2015 a holiday and Fri 2 Jan a swapped day off (data), Mon 5 Jan (1), Tue 6 Jan (2).
        assertThat(calendar.plusWorkingDays(LocalDate.of(2014, 12, 31), 2)).isEqualTo(LocalDate.of(2015, 1, 6));
    }

    @Test
    void january_1930_has_23_working_days_after_new_years_day() {
        // 2..31 Jan 1930: 30 days, less 4 Sundays (5, 12, 19, 26) and Tết 29, 30, 31 (mùng 1 Tết: Thu 30 Jan);
        // Saturdays were working days.
        assertThat(calendar.workingDaysBetween(LocalDate.of(1930, 1, 1), LocalDate.of(1930, 1, 31))).isEqualTo(23);
    }

    @Test
    void the_last_days_of_2100_count_and_the_check_of_a_deadline_past_them_answers() {
        // Tue 28 Dec 2100: Wed 29 (1), Thu 30 (2), Fri 31 (3).
        assertThat(calendar.plusWorkingDays(LocalDate.of(2100, 12, 28), 3)).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(calendar.isWithinWorkingDays(LocalDate.of(2100, 12, 20), 60, LocalDate.of(2100, 12, 31)))
                .as("the deadline lies in 2101, the day before it").isTrue();
        assertThat(calendar.isWithinWorkingDays(LocalDate.of(2100, 12, 28), 2, LocalDate.of(2100, 12, 31)))
                .as("the deadline is Thu 30 Dec").isFalse();
    }

    private List<LocalDate> tet(int year) {
        return calendar.holidays(year).stream().filter(Holiday::isTet).map(Holiday::date).toList();
    }

    private List<LocalDate> compensation(int year) {
        return calendar.holidays(year).stream().filter(day -> day.kind() == Holiday.Kind.COMPENSATION)
                .map(Holiday::date).toList();
    }

    private List<LocalDate> named(int year, String name) {
        return calendar.holidays(year).stream().filter(day -> day.name().equals(name)).map(Holiday::date).toList();
    }
}
