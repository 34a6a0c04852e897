package chibo.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lunar calendar against published dates: Tết as celebrated in Vietnam, the years it differs from China's
 * (Hồ Ngọc Đức, "Vietnamese calendar rules"; the State Calendar Committee on 2007), Giỗ Tổ Hùng Vương as given off,
 * and leap months as printed in Vietnamese almanacs.
 */
class VietnameseLunarCalendarTest {

    private final VietnameseLunarCalendar vietnam = VietnameseLunarCalendar.vietnam();
    private final VietnameseLunarCalendar china = VietnameseLunarCalendar.at(ZoneOffset.ofHours(8));

    @Test
    void tet_falls_on_the_published_day_across_the_decades() {
        Map<Integer, LocalDate> tet = new TreeMap<>(Map.ofEntries(
                Map.entry(1930, LocalDate.of(1930, 1, 30)), Map.entry(1941, LocalDate.of(1941, 1, 27)),
                Map.entry(1945, LocalDate.of(1945, 2, 13)), Map.entry(1954, LocalDate.of(1954, 2, 3)),
                Map.entry(1960, LocalDate.of(1960, 1, 28)), Map.entry(1967, LocalDate.of(1967, 2, 9)),
                Map.entry(1970, LocalDate.of(1970, 2, 6)), Map.entry(1975, LocalDate.of(1975, 2, 11)),
                Map.entry(1980, LocalDate.of(1980, 2, 16)), Map.entry(1990, LocalDate.of(1990, 1, 27)),
                Map.entry(2000, LocalDate.of(2000, 2, 5)), Map.entry(2010, LocalDate.of(2010, 2, 14)),
                Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2024, LocalDate.of(2024, 2, 10)),
                Map.entry(2025, LocalDate.of(2025, 1, 29)), Map.entry(2026, LocalDate.of(2026, 2, 17)),
                Map.entry(2050, LocalDate.of(2050, 1, 23)), Map.entry(2100, LocalDate.of(2100, 2, 9))));

        tet.forEach((year, day) -> assertThat(vietnam.newYear(year)).as("Tết %d", year).isEqualTo(day));
    }

    @Test
    void tet_1968_is_29_january_at_utc_plus_7_while_the_south_still_reckoning_at_utc_plus_8_kept_30_january() {
        assertThat(vietnam.zoneOf(1967)).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(vietnam.zoneOf(1968)).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(vietnam.newYear(1968)).isEqualTo(LocalDate.of(1968, 1, 29));
        assertThat(china.newYear(1968)).isEqualTo(LocalDate.of(1968, 1, 30));
    }

    @Test
    void tet_1985_came_a_month_before_chinas() {
        assertThat(vietnam.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(china.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
    }

    @Test
    void in_2007_2030_and_2053_tet_comes_a_day_before_chinas() {
        assertThat(vietnam.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(china.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        assertThat(vietnam.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
        assertThat(china.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
        assertThat(vietnam.newYear(2053)).isEqualTo(LocalDate.of(2053, 2, 18));
        assertThat(china.newYear(2053)).isEqualTo(LocalDate.of(2053, 2, 19));
    }

    @Test
    void before_1968_vietnam_reckons_as_china_did() {
        for (int year = 1930; year < 1968; year++) {
            assertThat(vietnam.newYear(year)).as("Tết %d", year).isEqualTo(china.newYear(year));
        }
    }

    @Test
    void hung_kings_day_falls_on_the_published_day() {
        // the days given off since the holiday began (Luật 84/2007/QH11), before the holiday data begins in 2015
        Map<Integer, LocalDate> hungKings = Map.of(
                2007, LocalDate.of(2007, 4, 26), 2008, LocalDate.of(2008, 4, 15), 2010, LocalDate.of(2010, 4, 23),
                2012, LocalDate.of(2012, 3, 31), 2013, LocalDate.of(2013, 4, 19), 2014, LocalDate.of(2014, 4, 9));

        hungKings.forEach((year, day) -> assertThat(vietnam.toSolar(LunarDate.of(year, 3, 10)))
                .as("10/3 âm lịch %d", year).isEqualTo(day));
    }

    @Test
    void tet_and_hung_kings_day_agree_with_every_notice_in_the_holiday_data() {
        WorkingDayCalendar published = WorkingDayCalendar.vietnam();
        for (int year = 2015; year <= 2026; year++) {
            LocalDate newYear = vietnam.newYear(year);
            assertThat(published.holiday(newYear)).as("mùng 1 Tết %d (%s)", year, newYear)
                    .hasValueSatisfying(holiday -> assertThat(holiday.isTet()).isTrue());
            LocalDate hungKings = vietnam.toSolar(LunarDate.of(year, 3, 10));
            assertThat(published.holiday(hungKings).map(Holiday::name)).as("Giỗ Tổ %d (%s)", year, hungKings)
                    .hasValue("Giỗ Tổ Hùng Vương");
        }
    }

    @Test
    void leap_months_are_those_of_the_almanacs() {
        Map<Integer, Integer> leap = Map.ofEntries(Map.entry(1990, 5), Map.entry(1995, 8), Map.entry(2001, 4),
                Map.entry(2004, 2), Map.entry(2006, 7), Map.entry(2009, 5), Map.entry(2012, 4), Map.entry(2014, 9),
                Map.entry(2017, 6), Map.entry(2020, 4), Map.entry(2023, 2), Map.entry(2025, 6), Map.entry(2028, 5),
                Map.entry(2033, 11));

        leap.forEach((year, month) -> assertThat(vietnam.leapMonth(year)).as("leap month of %d", year)
                .isEqualTo(month));
        assertThat(vietnam.leapMonth(2024)).as("2024 has twelve months").isZero();
        assertThat(vietnam.leapMonth(2026)).as("2026 has twelve months").isZero();
    }

    @Test
    void a_leap_month_begins_on_its_published_day() {
        assertThat(vietnam.toSolar(new LunarDate(2020, 4, 1, true))).isEqualTo(LocalDate.of(2020, 5, 23));
        assertThat(vietnam.toSolar(new LunarDate(2023, 2, 1, true))).isEqualTo(LocalDate.of(2023, 3, 22));
        assertThat(vietnam.toSolar(new LunarDate(2025, 6, 1, true))).isEqualTo(LocalDate.of(2025, 7, 25));
    }

    @Test
    void a_leap_month_a_year_does_not_have_is_refused() {
        assertThatThrownBy(() -> vietnam.toSolar(new LunarDate(2024, 4, 1, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no leap month");
        assertThatThrownBy(() -> vietnam.toSolar(new LunarDate(2025, 5, 1, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6");
    }

    @Test
    void the_year_2025_began_without_a_30th_day_of_the_last_month() {
        assertThat(vietnam.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarDate(2024, 12, 29, false));
        assertThat(vietnam.toLunar(LocalDate.of(2025, 1, 29))).isEqualTo(new LunarDate(2025, 1, 1, false));
    }

    @Test
    void every_day_from_1930_to_2100_converts_to_a_lunar_date_and_back() {
        LocalDate last = LocalDate.of(2100, 12, 31);
        for (LocalDate day = LocalDate.of(1930, 1, 1); !day.isAfter(last); day = day.plusDays(1)) {
            LunarDate lunar = vietnam.toLunar(day);
            assertThat(vietnam.toSolar(lunar)).as("%s → %s", day, lunar).isEqualTo(day);
        }
    }
}
