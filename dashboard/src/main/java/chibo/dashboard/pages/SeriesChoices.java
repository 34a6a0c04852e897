package chibo.dashboard.pages;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What the monthly series page offers: the figures a committee follows month by month, and the period shown
 * (the last two years up to this month unless asked otherwise; at most twenty years).
 */
final class SeriesChoices {

    static final List<String> METRICS = List.of("members", "members.official", "members.probationary", "cells",
            "flow.admitted", "flow.recognized", "flow.transferred_in", "flow.transferred_out", "flow.removed",
            "flow.let_go", "flow.expelled", "flow.deceased", "meetings.held");
    static final int DEFAULT_MONTHS = 24;
    static final int MOST_MONTHS = 240;

    private SeriesChoices() {
    }

    /** The metric asked for if offered, else {@code members}. */
    static String metric(String asked) {
        return asked != null && METRICS.contains(asked) ? asked : METRICS.getFirst();
    }

    /** The period asked for, made sensible: unreadable or missing ends default, a backward or too long one is cut. */
    static Period period(String from, String to, YearMonth now) {
        YearMonth end = month(to, now);
        if (end.isAfter(now)) {
            end = now;
        }
        YearMonth start = month(from, end.minusMonths(DEFAULT_MONTHS - 1));
        if (start.isAfter(end)) {
            start = end;
        }
        if (start.isBefore(end.minusMonths(MOST_MONTHS - 1))) {
            start = end.minusMonths(MOST_MONTHS - 1);
        }
        return new Period(start, end);
    }

    /** The month written {@code yyyy-MM}, or {@code otherwise} when none or none readable is given. */
    static YearMonth month(String text, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            return otherwise;
        }
    }

    record Period(YearMonth from, YearMonth to) {
    }
}
