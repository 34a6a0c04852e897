package chibo.meeting.roster;

import java.time.LocalDate;

/**
 * One membership event as the roster needs it: what changed for the member's place in cells, and from which
 * effective date. {@code cellId} is the cell joined, received into or temporarily hosted by.
 */
public record RosterFact(long seq, LocalDate on, Kind kind, String cellId) {

    public enum Kind {
        /** Admitted, readmitted or enrolled from a register into {@code cellId}. */
        JOINED,
        /** Removed, let go, expelled, deceased, or failed probation: off every roster from that day. */
        LEFT,
        /** An official transfer started: in transit, on no roster until received. */
        TRANSFER_STARTED,
        /** Received into {@code cellId}. */
        TRANSFER_RECEIVED,
        /** Temporarily at {@code cellId}: expected there, excused at home. */
        TEMPORARY_STARTED,
        TEMPORARY_ENDED,
        /** Exempted from work and activity: may attend, need not. */
        EXEMPTED
    }
}
