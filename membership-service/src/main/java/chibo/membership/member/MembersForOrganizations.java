package chibo.membership.member;

import chibo.membership.organization.MemberPlacement;
import chibo.membership.organization.MemberPlacements;
import chibo.membership.organization.Occupants;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the organisations read of the members ({@link MemberPlacements}), and the organisations' occupants index fed
 * the moment this instance stores a member's events: the member package depends on the organisations, never the
 * other way round.
 */
@Component
public class MembersForOrganizations implements MemberPlacements {

    private final AggregateStore<MemberState> members;

    MembersForOrganizations(AggregateStore<MemberState> members, Occupants occupants) {
        this.members = members;
        members.onStored((before, stored) -> occupants.acceptStored(stored));
    }

    @Override
    public Optional<MemberPlacement> find(String memberId) {
        Current<MemberState> current = members.load(memberId);
        return current.exists() ? Optional.of(placement(current.state())) : Optional.empty();
    }

    @Override
    public List<MemberPlacement> findAll(Collection<String> memberIds) {
        return members.loadAll(memberIds).values().stream().filter(Current::exists)
                .map(current -> placement(current.state())).toList();
    }

    /** Where the member stands, as the organisations need to know it. */
    public static MemberPlacement placement(MemberState member) {
        return new MemberPlacement(member.id(), member.status(), member.cellId(),
                member.inTransit() == null ? null : member.inTransit().toCellId(),
                member.temporaryStay() == null ? null : member.temporaryStay().hostCellId());
    }
}
