package chibo.membership.admission;

import chibo.contracts.member.MemberStatus;

import java.time.LocalDate;

/**
 * An introducer as chibo knows them: {@code status} is null when no member has that id.
 */
public record IntroducerFacts(String memberId, LocalDate workedWithSince, MemberStatus status) {
}
