package chibo.contracts.member;

import java.time.LocalDate;

/**
 * A member admitted before chibo, loaded from an existing register. Checked for internal consistency only; their
 * admission is not counted as a flow. {@code recognizedOn} is null while probationary.
 */
public record MemberEnrolledFromRegister(Person person, MemberStatus status, String cellId, LocalDate admittedOn,
                                         LocalDate recognizedOn, String partyCardNumber, boolean exempted,
                                         Provenance provenance) implements MemberEvent {
}
