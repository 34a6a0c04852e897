package chibo.meeting.compliance;

import chibo.calendar.WorkingDayCalendar;
import chibo.meeting.cell.Quarter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which months and quarters are closed for the compliance check on a given day: a period is closed once
 * {@code graceWorkingDays} working days have passed after its last day, counted on Vietnam's working-day calendar
 * (so a month that ends in the Tết holiday closes only after the working days that follow it). Periods before
 * {@code from} are not checked.
 */
public final class ComplianceWindows {

    private final WorkingDayCalendar calendar;
    private final YearMonth from;
    private final int graceWorkingDays;

    public ComplianceWindows(WorkingDayCalendar calendar, YearMonth from, int graceWorkingDays) {
        if (graceWorkingDays < 0) {
            throw new IllegalArgumentException("grace working days must not be negative: " + graceWorkingDays);
        }
        this.calendar = calendar;
        this.from = from;
        this.graceWorkingDays = graceWorkingDays;
    }

    /** Whether the period ending in {@code lastMonth} is checked at all: not when it ends before {@code from}. */
    public boolean checks(YearMonth lastMonth) {
        return !lastMonth.isBefore(from);
    }

    /** The first day on which a period ending on {@code lastDay} is checked. */
    public LocalDate checkableFrom(LocalDate lastDay) {
        return graceEnd(lastDay).plusDays(1);
    }

    private LocalDate graceEnd(LocalDate lastDay) {
        LocalDate day = lastDay;
        for (int counted = 0; counted < graceWorkingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Beyond the calendar's data (a year not yet decreed), Monday to Friday. */
    private boolean isWorkingDay(LocalDate day) {
        if (calendar.covers(day.getYear())) {
            return calendar.isWorkingDay(day);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Months closed on {@code today}, from {@code max(from, since)} on. */
    public List<YearMonth> closedMonths(LocalDate today, YearMonth since) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = later(since); !today.isBefore(checkableFrom(month.atEndOfMonth()));
             month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** Quarters closed on {@code today}, from the quarter of {@code max(from, since)} on. */
    public List<Quarter> closedQuarters(LocalDate today, YearMonth since) {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter quarter = Quarter.of(later(since)); !today.isBefore(checkableFrom(quarter.lastDay()));
             quarter = quarter.next()) {
            quarters.add(quarter);
        }
        return quarters;
    }

    private YearMonth later(YearMonth since) {
        return since == null || since.isBefore(from) ? from : since;
    }
}
