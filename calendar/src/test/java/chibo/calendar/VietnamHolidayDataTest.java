package chibo.calendar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the holiday data itself against the law and against dates known from the calendar. */
class VietnamHolidayDataTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.vietnam();

    /** Mùng 1 Tết in Vietnam (UTC+7). 2030 is 2 February: the new moon falls at 23:07 Vietnam time. */
    private static final Map<Integer, LocalDate> LUNAR_NEW_YEARS_DAY = Map.ofEntries(
            Map.entry(2015, LocalDate.of(2015, 2, 19)), Map.entry(2016, LocalDate.of(2016, 2, 8)),
            Map.entry(2017, LocalDate.of(2017, 1, 28)), Map.entry(2018, LocalDate.of(2018, 2, 16)),
            Map.entry(2019, LocalDate.of(2019, 2, 5)), Map.entry(2020, LocalDate.of(2020, 1, 25)),
            Map.entry(2021, LocalDate.of(2021, 2, 12)), Map.entry(2022, LocalDate.of(2022, 2, 1)),
            Map.entry(2023, LocalDate.of(2023, 1, 22)), Map.entry(2024, LocalDate.of(2024, 2, 10)),
            Map.entry(2025, LocalDate.of(2025, 1, 29)), Map.entry(2026, LocalDate.of(2026, 2, 17)),
            Map.entry(2027, LocalDate.of(2027, 2, 6)), Map.entry(2028, LocalDate.of(2028, 1, 26)),
            Map.entry(2029, LocalDate.of(2029, 2, 13)), Map.entry(2030, LocalDate.of(2030, 2, 2)));

    @Test
    void every_year_from_2015_to_2030_has_every_statutory_holiday() {
        for (int year = 2015; year <= 2030; year++) {
            List<Holiday> holidays = CALENDAR.holidays(year);

            assertThat(holidays).as("New Year %d", year)
                    .anySatisfy(named("Tết Dương lịch", LocalDate.of(year, 1, 1)));
            assertThat(holidays.stream().filter(Holiday::isTet)).as("Tết %d", year).hasSizeGreaterThanOrEqualTo(5);
            assertThat(holidays.stream().filter(holiday -> holiday.name().equals("Giỗ Tổ Hùng Vương")))
                    .as("Hùng Kings' day %d", year)
                    .singleElement()
                    .satisfies(holiday -> assertThat(holiday.date().getMonth()).isIn(Month.MARCH, Month.APRIL));
            assertThat(holidays).as("30 April %d", year)
                    .anySatisfy(named("Ngày Chiến thắng", LocalDate.of(year, 4, 30)));
            assertThat(holidays).as("1 May %d", year)
                    .anySatisfy(named("Ngày Quốc tế lao động", LocalDate.of(year, 5, 1)));
            assertThat(holidays).as("2 September %d", year)
                    .anySatisfy(named("Quốc khánh", LocalDate.of(year, 9, 2)));
        }
    }

    @Test
    void the_tet_break_is_unbroken_and_contains_lunar_new_years_day() {
        LUNAR_NEW_YEARS_DAY.forEach((year, newYearsDay) -> {
            List<LocalDate> tet = CALENDAR.holidays(year).stream().filter(Holiday::isTet).map(Holiday::date).toList();

            assertThat(tet).as("Tết %d", year).contains(newYearsDay);
            assertThat(tet.getLast()).as("Tết %d has no gap", year)
                    .isEqualTo(tet.getFirst().plusDays(tet.size() - 1));
        });
    }

    @Test
    void the_tet_2025_break_matches_the_governments_notice() {
        List<LocalDate> tet = CALENDAR.holidays(2025).stream().filter(Holiday::isTet).map(Holiday::date).toList();

        assertThat(tet).hasSize(9);
        assertThat(tet.getFirst()).isEqualTo(LocalDate.of(2025, 1, 25));
        assertThat(tet.getLast()).isEqualTo(LocalDate.of(2025, 2, 2));
    }

    @Test
    void national_day_is_one_day_until_2020_and_two_adjacent_days_from_2021() {
        for (int year = 2015; year <= 2030; year++) {
            List<LocalDate> nationalDay = CALENDAR.holidays(year).stream()
                    .filter(holiday -> holiday.name().equals("Quốc khánh")).map(Holiday::date).toList();
            if (year <= 2020) {
                assertThat(nationalDay).as("Bộ luật Lao động 2012: %d", year)
                        .containsExactly(LocalDate.of(year, 9, 2));
            } else {
                assertThat(nationalDay).as("Bộ luật Lao động 2019: %d", year).hasSize(2)
                        .contains(LocalDate.of(year, 9, 2))
                        .containsAnyOf(LocalDate.of(year, 9, 1), LocalDate.of(year, 9, 3));
            }
        }
    }

    @Test
    void a_weekend_holiday_outside_tet_and_only_such_a_holiday_gets_a_compensation_day() {
        for (int year = 2015; year <= 2030; year++) {
            List<Holiday> holidays = CALENDAR.holidays(year);
            List<String> owed = new ArrayList<>();
            List<String> given = new ArrayList<>();
            for (Holiday holiday : holidays) {
                if (holiday.kind() == Holiday.Kind.COMPENSATION) {
                    assertThat(holiday.date().getDayOfWeek()).as("%s", holiday)
                            .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertThat(holiday.name()).startsWith("Nghỉ bù ");
                    given.add(holiday.name().substring("Nghỉ bù ".length()));
                } else if (!holiday.isTet() && isWeekend(holiday.date())) {
                    owed.add(holiday.name());
                }
            }
            assertThat(given).as("compensation days in %d", year).containsExactlyInAnyOrderElementsOf(owed);
        }
    }

    @Test
    void rows_not_yet_confirmed_by_a_notice_say_so() {
        for (int year = 2027; year <= 2030; year++) {
            assertThat(CALENDAR.holidays(year).stream().filter(Holiday::isTet))
                    .as("Tết %d follows the rule, not a notice", year)
                    .allSatisfy(holiday -> assertThat(holiday.source()).contains("verify"));
            assertThat(CALENDAR.holidays(year).stream().filter(h -> h.name().equals("Giỗ Tổ Hùng Vương")))
                    .allSatisfy(holiday -> assertThat(holiday.source()).contains("verify"));
        }
    }

    @Test
    void the_csv_is_sorted_without_duplicates_and_every_row_cites_a_source() throws IOException {
        Pattern row = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}),([^,\"]+),(HOLIDAY|COMPENSATION|SWAP|WORKED),(.*)");
        List<String> lines = resourceLines();

        assertThat(lines.getFirst()).isEqualTo("date,name,kind,source");
        LocalDate previous = LocalDate.MIN;
        for (String line : lines.subList(1, lines.size())) {
            Matcher matcher = row.matcher(line);
            assertThat(matcher.matches()).as("row shape: %s", line).isTrue();
            LocalDate date = LocalDate.parse(matcher.group(1));
            assertThat(date).as("sorted, one row per day: %s", line).isAfter(previous);
            String source = matcher.group(4).replace("\"", "");
            assertThat(source).as("source of %s", line).containsPattern("Bộ luật Lao động (2012|2019), điều \\d+");
            previous = date;
        }
        assertThat(lines).hasSizeGreaterThan(16 * 8);
    }

    private static List<String> resourceLines() throws IOException {
        try (InputStream csv = WorkingDayCalendar.class.getResourceAsStream("vn-public-holidays.csv")) {
            assertThat(csv).as("the data file is on the classpath").isNotNull();
            return new String(csv.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Consumer<Holiday> named(String name, LocalDate date) {
        return holiday -> {
            assertThat(holiday.name()).isEqualTo(name);
            assertThat(holiday.date()).isEqualTo(date);
            assertThat(holiday.kind()).isEqualTo(Holiday.Kind.HOLIDAY);
        };
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
