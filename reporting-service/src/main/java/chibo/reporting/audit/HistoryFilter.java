package chibo.reporting.audit;

import chibo.contracts.EventCatalog;
import chibo.platform.web.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which events a history lists: of these types (any when empty), with an effective date from {@code from} to
 * {@code to}, both included (open when null).
 */
record HistoryFilter(Set<String> types, LocalDate from, LocalDate to) {

    static final HistoryFilter ALL = new HistoryFilter(Set.of(), null, null);

    /**
     * @param type a catalogue type, or several separated by commas
     * @throws chibo.platform.web.ProblemException 400 naming {@code type}, {@code from} or {@code to}
     */
    static HistoryFilter parse(String type, String from, String to) {
        Set<String> types = new LinkedHashSet<>();
        if (type != null) {
            for (String name : type.split(",")) {
                String trimmed = name.trim();
                if (EventCatalog.find(trimmed).isEmpty()) {
                    throw Problems.invalid("type", "known-type", "'" + trimmed + "' is not an event type; name one"
                            + " such as member.admitted.v1 or meeting.held.v1");
                }
                types.add(trimmed);
            }
        }
        LocalDate fromDate = date(from, "from");
        LocalDate toDate = date(to, "to");
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw Problems.invalid("to", "not-before-from", "to (" + to + ") is before from (" + from + ")");
        }
        return new HistoryFilter(Set.copyOf(types), fromDate, toDate);
    }

    static LocalDate date(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "iso-date", "'" + text + "' is not a date like 2023-12-31");
        }
    }

    boolean matches(String type, LocalDate effectiveDate) {
        return (types.isEmpty() || types.contains(type))
                && (from == null || !effectiveDate.isBefore(from))
                && (to == null || !effectiveDate.isAfter(to));
    }

    /** Whether a month of effective date ({@code yyyy-MM}) can hold an event this filter lets through. */
    boolean mayMatchMonth(String month) {
        return (from == null || month.compareTo(from.toString().substring(0, 7)) >= 0)
                && (to == null || month.compareTo(to.toString().substring(0, 7)) <= 0);
    }

    @Override
    public String toString() {
        return "types " + Arrays.toString(types.toArray()) + " from " + from + " to " + to;
    }
}
