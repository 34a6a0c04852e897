package chibo.contracts.member;

import java.time.LocalDate;

/** Recognised as an official member, counted from {@code officialFrom} (the end of probation, even if decided late). */
public record MemberRecognized(LocalDate officialFrom, LocalDate cellResolutionDate, String partyCardNumber)
        implements MemberEvent {
}
