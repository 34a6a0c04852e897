package chibo.contracts.member;

import java.time.LocalDate;

/**
 * Recognised as an official member, counted from {@code officialFrom} (the end of probation, even if decided late).
 * {@code lateAfter}, when present, is the deadline the recognition missed: the cell's (30 working days after the end
 * of probation) or the committee's (30 working days after the cell's resolution). A late recognition stands; the
 * date only flags it. Absent in events recorded before it was kept, and when the recognition came in time.
 */
public record MemberRecognized(LocalDate officialFrom, LocalDate cellResolutionDate, String partyCardNumber,
                               LocalDate lateAfter)
        implements MemberEvent {

    /** A recognition decided in time. */
    public MemberRecognized(LocalDate officialFrom, LocalDate cellResolutionDate, String partyCardNumber) {
        this(officialFrom, cellResolutionDate, partyCardNumber, null);
    }
}
