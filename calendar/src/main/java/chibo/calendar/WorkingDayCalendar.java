package chibo.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Counts working days ("ngày làm việc") in Vietnam, for deadlines that Party regulations set in working days.
 *
 * <p>A working day is a day that is not a weekly rest day, not a public holiday and not a day off given in
 * compensation or in a swap; a weekly rest day the civil service works in a swap is one. The weekly rest days of
 * the civil service are Saturday and Sunday from 02/10/1999 (the 40-hour five-day week, Quyết định
 * 188/1999/QĐ-TTg), Sunday alone before.
 *
 * <p>{@link #vietnam()} covers every day from 1930-01-01 to 2100-12-31. For the years the holiday data lists (the
 * published decisions, {@code chibo/calendar/vn-public-holidays.csv}) the data is the authority; for every other
 * year the holidays are computed by the labour rules then in force, Tết and Giỗ Tổ Hùng Vương from the Vietnamese
 * lunar calendar ({@link VietnamHolidayRules}, {@link VietnameseLunarCalendar}). Asked about a day outside its range
 * the calendar throws a {@link DateOutsideCalendarException} naming the day, instead of guessing a deadline.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class WorkingDayCalendar {

    static final String VIETNAM_DATA = "vn-public-holidays.csv";
    /** The first and last years {@link #vietnam()} covers: the registers reach back to 1930. */
    static final int VIETNAM_FIRST_YEAR = 1930;
    static final int VIETNAM_LAST_YEAR = 2100;

    private final NavigableMap<LocalDate, Holiday> daysOff;
    private final Set<LocalDate> workedRestDays;
    private final Predicate<LocalDate> weeklyRestDay;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final String dataName;

    private WorkingDayCalendar(Collection<Holiday> days, int firstYear, int lastYear,
                               Predicate<LocalDate> weeklyRestDay, String dataName) {
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("firstYear " + firstYear + " is after lastYear " + lastYear);
        }
        TreeMap<LocalDate, Holiday> byDate = new TreeMap<>();
        TreeSet<LocalDate> worked = new TreeSet<>();
        for (Holiday day : days) {
            int year = day.date().getYear();
            if (year < firstYear || year > lastYear) {
                throw new IllegalArgumentException("Day " + day.date() + " lies outside the covered years "
                        + firstYear + "–" + lastYear);
            }
            if (byDate.containsKey(day.date()) || worked.contains(day.date())) {
                throw new IllegalArgumentException("Two rows for " + day.date());
            }
            if (day.kind() == Holiday.Kind.WORKED) {
                if (!weeklyRestDay.test(day.date())) {
                    throw new IllegalArgumentException(day.date() + " is worked in a swap but is no weekly rest day");
                }
                worked.add(day.date());
            } else {
                byDate.put(day.date(), day);
            }
        }
        this.daysOff = Collections.unmodifiableNavigableMap(byDate);
        this.workedRestDays = Collections.unmodifiableSet(worked);
        this.weeklyRestDay = weeklyRestDay;
        this.firstDay = LocalDate.of(firstYear, 1, 1);
        this.lastDay = LocalDate.of(lastYear, 12, 31);
        this.dataName = dataName;
    }

    /**
     * Vietnam's calendar for 1930–2100, built once and then shared: the years of
     * {@code chibo/calendar/vn-public-holidays.csv} as published there, every other year computed. The data must
     * list every year between its first and last.
     */
    public static WorkingDayCalendar vietnam() {
        return Vietnam.CALENDAR;
    }

    /**
     * A calendar with the given days off, for tests and what-if checks, with Saturday and Sunday as rest days. It
     * covers the years from the earliest to the latest given day; each day is reported by {@link #holiday(LocalDate)}
     * as an unnamed {@code HOLIDAY}.
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
        return new WorkingDayCalendar(holidays, firstYear, lastYear, WorkingDayCalendar::isSaturdayOrSunday,
                "the days given to WorkingDayCalendar.of");
    }

    /** Whether the calendar covers every day of {@code year}. */
    public boolean covers(int year) {
        return year >= firstDay.getYear() && year <= lastDay.getYear();
    }

    /** Whether the calendar covers {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    public int firstYear() {
        return firstDay.getYear();
    }

    public int lastYear() {
        return lastDay.getYear();
    }

    /** The first day the calendar covers. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day the calendar covers. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /**
     * Whether {@code date} counts as a working day: not a weekly rest day (unless worked in a swap) and not a day
     * off.
     *
     * @throws DateOutsideCalendarException if the calendar does not cover the date
     */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        if (daysOff.containsKey(date)) {
            return false;
        }
        return !weeklyRestDay.test(date) || workedRestDays.contains(date);
    }

    /**
     * The date {@code n} working days after {@code start}. The start day itself never counts, whether or not it
     * is a working day, so {@code n = 0} returns {@code start} and any {@code n > 0} lands on a working day.
     *
     * @throws IllegalArgumentException      if {@code n} is negative
     * @throws DateOutsideCalendarException if the count runs past the calendar's last day (or starts outside it)
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        requireNotNegative(n);
        requireCovered(start);
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
     * Whether {@code day} comes no later than {@link #deadline(LocalDate, int) deadline(start, workingDays)}. Unlike
     * computing the deadline, it looks only at the days up to {@code day}, so two covered dates always get an
     * answer, even when the deadline itself would lie past the calendar's last day. A day on or before
     * {@code start} is within.
     *
     * @throws DateOutsideCalendarException if {@code start} or {@code day} is outside the calendar
     */
    public boolean isWithinWorkingDays(LocalDate start, int workingDays, LocalDate day) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(day, "day");
        requireNotNegative(workingDays);
        requireCovered(start);
        requireCovered(day);
        if (!day.isAfter(start)) {
            return true;
        }
        int counted = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                counted++;
                if (counted > workingDays) {
                    return false;
                }
            }
        }
        // counted == workingDays: the deadline is the last working day counted, so day is within only if it is that
        // day; a day off after it is already past it
        return counted < workingDays || isWorkingDay(day);
    }

    /**
     * How many working days lie after {@code fromExclusive} up to and including {@code toInclusive}, so that
     * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}. Equal dates give 0. If {@code toInclusive} is
     * before {@code fromExclusive} the answer is the same count with the dates swapped, negated: a result below 0
     * means "that many working days too late".
     *
     * @throws DateOutsideCalendarException if either date lies outside the calendar
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        requireCovered(fromExclusive);
        requireCovered(toInclusive);
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The holiday, compensation or swapped day off on {@code date}, if any; weekly rest days are not listed.
     *
     * @throws DateOutsideCalendarException if the calendar does not cover the date
     */
    public Optional<Holiday> holiday(LocalDate date) {
        requireCovered(date);
        return Optional.ofNullable(daysOff.get(date));
    }

    /**
     * Every day off in {@code year}, holidays, compensation and swapped days, in date order.
     *
     * @throws DateOutsideCalendarException if the calendar does not cover the year
     */
    public List<Holiday> holidays(int year) {
        requireCovered(year);
        return List.copyOf(daysOff.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true)
                .values());
    }

    /** The weekly rest days of {@code year} the civil service works in a swap ("làm bù"), in date order. */
    public List<LocalDate> workedRestDays(int year) {
        requireCovered(year);
        return workedRestDays.stream().filter(day -> day.getYear() == year).sorted().toList();
    }

    /**
     * Whether any day of the Tết break falls in {@code month}. Cell meetings and deadlines around Tết follow
     * their own rules, and the break straddles January and February in some years. A calendar made with
     * {@code of(...)} knows no Tết and answers false.
     *
     * @throws DateOutsideCalendarException if the calendar does not cover the month's year
     */
    public boolean isTetMonth(YearMonth month) {
        requireCovered(month.getYear());
        return daysOff.subMap(month.atDay(1), true, month.atEndOfMonth(), true).values().stream()
                .anyMatch(Holiday::isTet);
    }

    private void requireCovered(int year) {
        if (!covers(year)) {
            throw new DateOutsideCalendarException(LocalDate.of(year, 1, 1), firstDay, lastDay, dataName);
        }
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new DateOutsideCalendarException(date, firstDay, lastDay, dataName);
        }
    }

    private static void requireNotNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Cannot count " + n + " working days: the number must be 0 or more");
        }
    }

    private static boolean isSaturdayOrSunday(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Holder: built on first use, then shared. */
    private static final class Vietnam {
        static final WorkingDayCalendar CALENDAR = build();

        private static WorkingDayCalendar build() {
            List<Holiday> published = published();
            int first = published.getFirst().date().getYear();
            int last = published.getLast().date().getYear();
            for (int year = first; year <= last; year++) {
                int y = year;
                if (published.stream().noneMatch(holiday -> holiday.date().getYear() == y)) {
                    throw new IllegalStateException(VIETNAM_DATA + " has no days off in " + year
                            + ", between its first year " + first + " and last year " + last);
                }
            }
            VietnamHolidayRules rules = new VietnamHolidayRules(VietnameseLunarCalendar.vietnam());
            List<Holiday> all = new ArrayList<>();
            for (int year = VIETNAM_FIRST_YEAR; year <= VIETNAM_LAST_YEAR; year++) {
                if (year == first) {
                    all.addAll(published);
                    year = last;
                } else {
                    all.addAll(rules.holidays(year));
                }
            }
            return new WorkingDayCalendar(all, VIETNAM_FIRST_YEAR, VIETNAM_LAST_YEAR,
                    VietnamHolidayRules::isWeeklyRestDay, "chibo/calendar/" + VIETNAM_DATA
                    + " for " + first + "–" + last + ", computed by the labour rules for the other years");
        }

        private static List<Holiday> published() {
            try (InputStream csv = WorkingDayCalendar.class.getResourceAsStream(VIETNAM_DATA)) {
                if (csv == null) {
                    throw new IllegalStateException("chibo/calendar/" + VIETNAM_DATA + " is not on the classpath");
                }
                List<Holiday> holidays = HolidayCsv.read(csv, VIETNAM_DATA);
                if (holidays.isEmpty()) {
                    throw new IllegalStateException(VIETNAM_DATA + " has no rows");
                }
                return holidays;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + VIETNAM_DATA, e);
            }
        }
    }
}
