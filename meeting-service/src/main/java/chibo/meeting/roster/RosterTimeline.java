package chibo.meeting.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A member's stints on cell rosters, from their roster facts in effective-date order: the roster of a cell as of a
 * meeting's date is everyone with a stint there covering that date.
 */
public final class RosterTimeline {

    private RosterTimeline() {
    }

    /** Where the member stands between two facts. */
    private record Situation(String homeCellId, boolean active, boolean inTransit, boolean exempted,
                             String temporaryHostCellId) {

        static final Situation NONE = new Situation(null, false, false, false, null);

        Situation after(RosterFact fact) {
            return switch (fact.kind()) {
                case JOINED -> new Situation(fact.cellId(), true, false, false, null);
                case LEFT -> NONE;
                case TRANSFER_STARTED -> new Situation(homeCellId, active, true, exempted, null);
                case TRANSFER_RECEIVED -> new Situation(fact.cellId(), active, false, exempted, null);
                case TEMPORARY_STARTED -> new Situation(homeCellId, active, inTransit, exempted, fact.cellId());
                case TEMPORARY_ENDED -> new Situation(homeCellId, active, inTransit, exempted, null);
                case EXEMPTED -> new Situation(homeCellId, active, inTransit, true, temporaryHostCellId);
            };
        }

        List<Stint> stints(LocalDate from, LocalDate until) {
            if (!active || inTransit || homeCellId == null) {
                return List.of();
            }
            List<Stint> stints = new ArrayList<>();
            Stint.Why atHome = exempted ? Stint.Why.EXEMPTED
                    : temporaryHostCellId != null ? Stint.Why.TEMPORARILY_AWAY : Stint.Why.MEMBER;
            stints.add(new Stint(homeCellId, from, until, atHome));
            if (temporaryHostCellId != null && !temporaryHostCellId.equals(homeCellId)) {
                stints.add(new Stint(temporaryHostCellId, from, until,
                        exempted ? Stint.Why.EXEMPTED : Stint.Why.TEMPORARY_MEMBER));
            }
            return stints;
        }
    }

    /** Every stint of the member, merged where one simply continues the previous one. */
    public static List<Stint> stints(List<RosterFact> facts) {
        List<RosterFact> ordered = facts.stream()
                .sorted(Comparator.comparing(RosterFact::on).thenComparingLong(RosterFact::seq)).toList();
        List<Stint> stints = new ArrayList<>();
        Situation situation = Situation.NONE;
        LocalDate since = null;
        for (RosterFact fact : ordered) {
            if (since != null && fact.on().isAfter(since)) {
                situation.stints(since, fact.on()).forEach(stint -> extend(stints, stint));
            }
            situation = situation.after(fact);
            since = since == null || fact.on().isAfter(since) ? fact.on() : since;
        }
        if (since != null) {
            situation.stints(since, null).forEach(stint -> extend(stints, stint));
        }
        return stints;
    }

    /** Adds a stint, or lengthens the one it continues (same cell and footing, no gap). */
    private static void extend(List<Stint> stints, Stint next) {
        for (int i = stints.size() - 1; i >= 0; i--) {
            Stint previous = stints.get(i);
            if (previous.cellId().equals(next.cellId()) && previous.why() == next.why()
                    && next.from().equals(previous.until())) {
                stints.set(i, new Stint(previous.cellId(), previous.from(), next.until(), previous.why()));
                return;
            }
        }
        stints.add(next);
    }

    /** The cells the member has ever been on the roster of. */
    public static List<String> cells(List<Stint> stints) {
        return stints.stream().map(Stint::cellId).distinct().toList();
    }
}
