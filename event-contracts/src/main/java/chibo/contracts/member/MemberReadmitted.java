package chibo.contracts.member;

import java.time.LocalDate;
import java.util.List;

/**
 * A person who left was admitted again (QĐ 294-QĐ/TW points 3.5.1–3.5.2): a new membership, subject a new member
 * id, linked to {@code previousMemberId}, with the provincial standing committee's written consent and a new
 * 12-month probation. Party age counts from the first admission, {@code firstAdmittedOn}, less the time
 * out of the party since {@code previousLeftOn}.
 */
public record MemberReadmitted(String previousMemberId, Person person, String cellId, LocalDate cellResolutionDate,
                               Vote vote, List<Introducer> introducers, String provincialConsentNumber,
                               LocalDate firstAdmittedOn, LocalDate previousLeftOn)
        implements MemberEvent {
    public MemberReadmitted {
        introducers = introducers == null ? List.of() : List.copyOf(introducers);
    }
}
