package chibo.membership.enrolment;

import chibo.contracts.member.MemberStatus;

import java.time.LocalDate;

/** A member loaded from an existing register: checked for internal consistency only. */
public record EnrolmentFacts(LocalDate birthDate, MemberStatus status, LocalDate admittedOn, LocalDate recognizedOn,
                             boolean exempted, LocalDate today) {
}
