package chibo.contracts.member;

import java.time.LocalDate;
import java.util.List;

/**
 * The competent committee decided to admit the person (kết nạp). Effective date: the decision's date; the acting
 * organisation is the deciding committee. {@code youthUnionIntroduced}: the Youth Union committee stands in for
 * one of the two introducers.
 */
public record MemberAdmitted(Person person, String cellId, LocalDate cellResolutionDate, Vote vote,
                             List<Introducer> introducers, boolean youthUnionIntroduced,
                             AwarenessCertificate awarenessCertificate) implements MemberEvent {
    public MemberAdmitted {
        introducers = introducers == null ? List.of() : List.copyOf(introducers);
    }
}
