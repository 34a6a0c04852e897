package chibo.membership.admission;

import chibo.contracts.member.MemberStatus;

import java.time.LocalDate;

/**
 * An introducer as chibo knows them.
 *
 * @param status      their status on the day they introduce (the cell's resolution): null when they were not yet a
 *                    member then, or when no member has that id
 * @param statusToday their status today: null when no member has that id
 */
public record IntroducerFacts(String memberId, LocalDate workedWithSince, MemberStatus status,
                              MemberStatus statusToday) {

    /** An introducer whose status was the same then as today. */
    public IntroducerFacts(String memberId, LocalDate workedWithSince, MemberStatus status) {
        this(memberId, workedWithSince, status, status);
    }
}
