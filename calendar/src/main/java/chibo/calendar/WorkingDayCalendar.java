package chibo.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts working days ("ngày làm việc") in Vietnam, for deadlines that Party regulations set in working days.
 *
 * <p>A working day is Monday to Friday (the 40-hour, five-day week of public bodies, Quyết định
 * 188/1999/QĐ-TTg) that is not a public holiday or a compensation day off. Holidays come from data, because the
 * lunar holidays move and the government fixes the exact days off each year; see {@link Holiday}.
 *
 * <p>The calendar only knows the years it has data for ({@link #firstYear()} to {@link #lastYear()}). Asked about
 * any other year it throws an {@link IllegalArgumentException} naming that year, instead of quietly treating
 * every weekday there as a working day and producing a deadline that may be wrong.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class WorkingDayCalendar {

    static final String VIETNAM_DATA = "vn-public-holidays.csv";

    private final NavigableMap<LocalDate, Holiday> daysOff;
    private final int firstYear;
    private final int lastYear;
    private final String dataName;

    private WorkingDayCalendar(Collection<Holiday> daysOff, int firstYear, int lastYear, String dataName) {
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("firstYear " + firstYear + " is after lastYear " + lastYear);
        }
        TreeMap<LocalDate, Holiday> byDate = new TreeMap<>();
        for (Holiday holiday : daysOff) {
            int year = holiday.date().getYear();
            if (year < firstYear || year > lastYear) {
                throw new IllegalArgumentException("Day off " + holiday.date() + " lies outside the covered years "
                        + firstYear + "–" + lastYear);
            }
            if (byDate.put(holiday.date(), holiday) != null) {
                throw new IllegalArgumentException("Two days off on " + holiday.date());
            }
        }
        this.daysOff = Collections.unmodifiableNavigableMap(byDate);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.dataName = dataName;
    }

    /**
     * Vietnam's calendar, read once from {@code chibo/calendar/vn-public-holidays.csv} on the classpath and then
     * shared. It covers every year from the earliest to the latest in the file, and refuses to load if a year in
     * between has no rows.
     */
    public static WorkingDayCalendar vietnam() {
        return Vietnam.CALENDAR;
    }

    /**
     * A calendar with the given days off, for tests and what-if checks. It covers the years from the earliest to
     * the latest given day; each day is reported by {@link #holiday(LocalDate)} as an unnamed {@code HOLIDAY}.
     *
     * @throws IllegalArgumentException if no day is given (then use {@link #of(Collection, int, int)})
     */
    public static WorkingDayCalendar of(Collection<LocalDate> daysOff) {
        if (daysOff.isEmpty()) {
            throw new IllegalArgumentException("Give at least one day off, or name the covered years with "
                    + "of(daysOff, firstYear, lastYear)");
        }
        int first = daysOff.stream().mapToInt(LocalDate::getYear).min().orElseThrow();
        int last = daysOff.stream().mapToInt(LocalDate::getYear).max().orElseThrow();
        return of(daysOff, first, last);
    }

    /** A calendar with the given days off that covers {@code firstYear} to {@code lastYear} inclusive. */
    public static WorkingDayCalendar of(Collection<LocalDate> daysOff, int firstYear, int lastYear) {
        List<Holiday> holidays = daysOff.stream()
                .map(date -> new Holiday(date, "Ngày nghỉ", Holiday.Kind.HOLIDAY, "WorkingDayCalendar.of"))
                .toList();
        return new WorkingDayCalendar(holidays, firstYear, lastYear, "the days given to WorkingDayCalendar.of");
    }

    /** Whether the calendar has holiday data for {@code year}. */
    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    /**
     * Whether {@code date} counts as a working day: Monday to Friday and not a day off.
     *
     * @throws IllegalArgumentException if the calendar has no data for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date.getYear());
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff.containsKey(date);
    }

    /**
     * The date {@code n} working days after {@code start}. The start day itself never counts, whether or not it
     * is a working day, so {@code n = 0} returns {@code start} and any {@code n > 0} lands on a working day.
     *
     * @throws IllegalArgumentException if {@code n} is negative, or the count runs into a year without data
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("Cannot count " + n + " working days: the number must be 0 or more");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The last allowed day for something that must happen "within {@code workingDays} working days" of
     * {@code start} ("trong thời hạn N ngày làm việc"): the day of the event starts nothing, counting begins the
     * next day. The same as {@link #plusWorkingDays(LocalDate, int)}; the name says what the result means.
     */
    public LocalDate deadline(LocalDate start, int workingDays) {
        return plusWorkingDays(start, workingDays);
    }

    /**
     * How many working days lie after {@code fromExclusive} up to and including {@code toInclusive}, so that
     * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}. Equal dates give 0. If {@code toInclusive} is
     * before {@code fromExclusive} the answer is the same count with the dates swapped, negated: a result below 0
     * means "that many working days too late".
     *
     * @throws IllegalArgumentException if a day to be counted lies in a year without data
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The holiday or compensation day on {@code date}, if any; weekends are not listed.
     *
     * @throws IllegalArgumentException if the calendar has no data for the date's year
     */
    public Optional<Holiday> holiday(LocalDate date) {
        requireCovered(date.getYear());
        return Optional.ofNullable(daysOff.get(date));
    }

    /**
     * Every day off in {@code year}, holidays and compensation days, in date order.
     *
     * @throws IllegalArgumentException if the calendar has no data for {@code year}
     */
    public List<Holiday> holidays(int year) {
        requireCovered(year);
        return List.copyOf(daysOff.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true)
                .values());
    }

    /**
     * Whether any day of the Tết break falls in {@code month}. Cell meetings and deadlines around Tết follow
     * their own rules, and the break straddles January and February in some years. A calendar made with
     * {@code of(...)} knows no Tết and answers false.
     *
     * @throws IllegalArgumentException if the calendar has no data for the month's year
     */
    public boolean isTetMonth(YearMonth month) {
        requireCovered(month.getYear());
        return daysOff.subMap(month.atDay(1), true, month.atEndOfMonth(), true).values().stream()
                .anyMatch(Holiday::isTet);
    }

    private void requireCovered(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException("No holiday data for the year " + year + ": this calendar covers "
                    + firstYear + "–" + lastYear + " only. Add the year's days off to " + dataName
                    + " before computing working days in it.");
        }
    }

    /** Holds Vietnam's calendar; the JVM loads it once, on first use, safely across threads. */
    private static final class Vietnam {

        static final WorkingDayCalendar CALENDAR = load();

        private static WorkingDayCalendar load() {
            try (InputStream csv = WorkingDayCalendar.class.getResourceAsStream(VIETNAM_DATA)) {
                if (csv == null) {
                    throw new IllegalStateException("chibo/calendar/" + VIETNAM_DATA + " is not on the classpath");
                }
                List<Holiday> holidays = HolidayCsv.read(csv, VIETNAM_DATA);
                if (holidays.isEmpty()) {
                    throw new IllegalStateException(VIETNAM_DATA + " has no rows");
                }
                int first = holidays.getFirst().date().getYear();
                int last = holidays.getLast().date().getYear();
                for (int year = first; year <= last; year++) {
                    int y = year;
                    if (holidays.stream().noneMatch(holiday -> holiday.date().getYear() == y)) {
                        throw new IllegalStateException(VIETNAM_DATA + " has no days off in " + year
                                + ", between its first year " + first + " and last year " + last);
                    }
                }
                return new WorkingDayCalendar(holidays, first, last, "chibo/calendar/" + VIETNAM_DATA);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + VIETNAM_DATA, e);
            }
        }
    }
}
