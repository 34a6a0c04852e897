package chibo.calendar;

import java.time.LocalDate;

/**
 * A date the working-day calendar cannot answer for: it lies outside the days the calendar covers (for
 * {@link WorkingDayCalendar#vietnam()}, 1930-01-01 to 2100-12-31). Callers that take dates from a request refuse
 * them before they reach the calendar; this exception is the calendar's own guard, never a quiet guess.
 */
public class DateOutsideCalendarException extends IllegalArgumentException {

    private final transient LocalDate date;
    private final transient LocalDate firstDay;
    private final transient LocalDate lastDay;

    public DateOutsideCalendarException(LocalDate date, LocalDate firstDay, LocalDate lastDay, String dataName) {
        super(date + " is outside the working-day calendar, which covers " + firstDay + " to " + lastDay
                + " (" + dataName + ")");
        this.date = date;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    /** The date asked about. */
    public LocalDate date() {
        return date;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }
}
