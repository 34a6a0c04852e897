package chibo.membership.member;

import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;

import java.time.LocalDate;

/** A member as the API shows it; {@code version} is the seq of the member's latest event. */
public record MemberView(String id, Person person, MemberStatus status, String cellId, LocalDate admittedOn,
                         LocalDate officialFrom, boolean exempted, boolean inTransit, long version) {

    public static MemberView of(MemberState state, long version) {
        return new MemberView(state.id(), state.person(), state.status(), state.cellId(), state.admittedOn(),
                state.officialFrom(), state.exempted(), state.inTransit() != null, version);
    }
}
