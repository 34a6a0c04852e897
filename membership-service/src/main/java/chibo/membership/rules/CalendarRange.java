package chibo.membership.rules;

import chibo.calendar.DateOutsideCalendarException;
import chibo.calendar.WorkingDayCalendar;
import chibo.platform.rules.Violation;
import chibo.platform.web.Problems;
import chibo.platform.web.ProblemException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The days chibo can count working days on: those of the working-day calendar, 1930-01-01 to 2100-12-31 (the
 * registers reach back to 1930). A command dated outside them is refused as a 422 naming the field and this rule,
 * before any deadline is counted; no date reaches the calendar to fail there.
 */
public final class CalendarRange {

    /** The rule id: the problem type is {@code urn:chibo:problem:rule:date.within-calendar}. */
    public static final String RULE = "date.within-calendar";

    private CalendarRange() {
    }

    /** Where the range comes from: the calendar's coverage, explained in docs/rules.md. */
    public static String source(WorkingDayCalendar calendar) {
        return "chibo's working-day calendar covers " + calendar.firstDay() + " to " + calendar.lastDay()
                + " (docs/rules.md, Working days)";
    }

    /** A violation when {@code date} lies outside the calendar, naming {@code field}. */
    public static Optional<Violation> check(WorkingDayCalendar calendar, String field, LocalDate date) {
        if (date == null || calendar.covers(date)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(RULE, source(calendar), field, message(calendar, date)));
    }

    /**
     * For a rule "{@code day} within {@code workingDays} working days of {@code start}": a violation naming the field
     * of a date outside the calendar; else nothing when the day is within; else {@code late} of the deadline it
     * missed. The deadline is counted only when missed, so it always lies in the calendar.
     */
    public static Optional<Violation> withinWorkingDays(WorkingDayCalendar calendar, String startField,
                                                        LocalDate start, String dayField, LocalDate day,
                                                        int workingDays,
                                                        Function<LocalDate, Optional<Violation>> late) {
        Optional<Violation> outside = check(calendar, startField, start).or(() -> check(calendar, dayField, day));
        if (outside.isPresent()) {
            return outside;
        }
        return calendar.isWithinWorkingDays(start, workingDays, day) ? Optional.empty()
                : late.apply(calendar.deadline(start, workingDays));
    }

    /**
     * @throws ProblemException 422 {@code urn:chibo:problem:rule:date.within-calendar} naming {@code field}
     */
    public static void require(WorkingDayCalendar calendar, String field, LocalDate date) {
        if (date != null && !calendar.covers(date)) {
            throw Problems.ruleViolation(RULE, source(calendar), field, message(calendar, date));
        }
    }

    /** The refusal for a date the calendar itself turned down, e.g. a deadline counted past its last day. */
    public static ProblemException problem(String field, DateOutsideCalendarException e) {
        return Problems.ruleViolation(RULE, "chibo's working-day calendar covers " + e.firstDay() + " to "
                + e.lastDay() + " (docs/rules.md, Working days)", field, e.getMessage());
    }

    private static String message(WorkingDayCalendar calendar, LocalDate date) {
        return date + " is " + (date.isBefore(calendar.firstDay()) ? "before " + calendar.firstDay()
                + ", the first" : "after " + calendar.lastDay() + ", the last") + " day chibo's working-day"
                + " calendar covers";
    }
}
