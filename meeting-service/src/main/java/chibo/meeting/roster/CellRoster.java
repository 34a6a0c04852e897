package chibo.meeting.roster;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everyone who has ever been on a cell's roster, each with their stints there: one document per cell, so that the
 * roster as of any day is one {@code _id} lookup.
 */
public record CellRoster(String cellId, List<Entry> entries) {

    public CellRoster {
        entries = List.copyOf(entries);
    }

    public record Entry(String memberId, String fullName, List<Stint> stints) {

        public Entry {
            stints = List.copyOf(stints);
        }

        Optional<Stint> on(LocalDate day) {
            return stints.stream().filter(stint -> stint.covers(day)).findFirst();
        }
    }

    /** A member on the roster on a given day, and on what footing. */
    public record Line(String memberId, String fullName, Presence presence, Stint.Why why) {
    }

    public static CellRoster empty(String cellId) {
        return new CellRoster(cellId, List.of());
    }

    /** The roster on {@code day}, by member id. */
    public List<Line> asOf(LocalDate day) {
        return entries.stream()
                .flatMap(entry -> entry.on(day).stream()
                        .map(stint -> new Line(entry.memberId(), entry.fullName(), stint.presence(), stint.why())))
                .sorted(Comparator.comparing(Line::memberId))
                .toList();
    }

    /** Whether anyone had to attend the cell's meetings on some day from {@code from} until {@code until}. */
    public boolean anyoneExpectedBetween(LocalDate from, LocalDate until) {
        return entries.stream().flatMap(entry -> entry.stints().stream())
                .anyMatch(stint -> stint.presence() == Presence.EXPECTED && stint.from().isBefore(until)
                        && (stint.until() == null || stint.until().isAfter(from)));
    }

    /** The first day anyone had to attend, if anyone ever had. */
    public Optional<LocalDate> firstExpectedDay() {
        return entries.stream().flatMap(entry -> entry.stints().stream())
                .filter(stint -> stint.presence() == Presence.EXPECTED).map(Stint::from)
                .min(Comparator.naturalOrder());
    }

    /** This roster with the member's stints here replaced ({@code stints} empty: the member taken off). */
    public CellRoster withMember(String memberId, String fullName, List<Stint> stints) {
        List<Entry> next = new java.util.ArrayList<>(entries.stream()
                .filter(entry -> !entry.memberId().equals(memberId)).toList());
        if (!stints.isEmpty()) {
            next.add(new Entry(memberId, fullName, stints));
        }
        return new CellRoster(cellId, next);
    }

    public List<Stint> stintsOf(String memberId) {
        return entries.stream().filter(entry -> entry.memberId().equals(memberId)).findFirst()
                .map(Entry::stints).orElse(List.of());
    }
}
