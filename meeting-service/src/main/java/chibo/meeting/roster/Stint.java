package chibo.meeting.roster;

import java.time.LocalDate;

/**
 * A stretch of a member's time on one cell's roster: from {@code from} (inclusive) until {@code until}
 * (exclusive; null while it lasts).
 */
public record Stint(String cellId, LocalDate from, LocalDate until, Presence presence, Why why) {

    /** Why the member is on the roster, and so whether they must attend. */
    public enum Why {
        /** A member of the cell. */
        MEMBER(Presence.EXPECTED),
        /** A member of the cell exempted from activity (miễn sinh hoạt). */
        EXEMPTED(Presence.OPTIONAL),
        /** A member of the cell temporarily active at another cell. */
        TEMPORARILY_AWAY(Presence.OPTIONAL),
        /** A member of another cell, temporarily active here (sinh hoạt tạm thời). */
        TEMPORARY_MEMBER(Presence.EXPECTED);

        private final Presence presence;

        Why(Presence presence) {
            this.presence = presence;
        }

        public Presence presence() {
            return presence;
        }
    }

    public Stint(String cellId, LocalDate from, LocalDate until, Why why) {
        this(cellId, from, until, why.presence(), why);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }
}
