package chibo.membership.member;

import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.ReviewKind;

/** What each command needs of the member's current state (the rest of the member lifecycle's state machine). */
public final class Transitions {

    private Transitions() {
    }

    public static final MemberDecisions.Transition ACTIVE = member -> member.status().isActive() ? null
            : "the membership ended on " + member.leftOn();

    public static final MemberDecisions.Transition AWAITING_CEREMONY = member -> {
        if (member.status() != MemberStatus.PROBATIONARY) {
            return "only a probationary member is sworn in";
        }
        return member.swornInOn() == null ? null : "the ceremony was held on " + member.swornInOn();
    };

    public static final MemberDecisions.Transition ON_PROBATION = member -> {
        if (member.status() != MemberStatus.PROBATIONARY) {
            return "only a probationary member's probation is considered";
        }
        return member.swornInOn() != null ? null : "probation starts with the ceremony, which has not been held";
    };

    public static final MemberDecisions.Transition SETTLED = activeAnd(member -> {
        if (member.inTransit() != null) {
            return "the member is in transit to " + member.inTransit().toOrgId();
        }
        return member.temporaryStay() == null ? null
                : "the member is temporarily at " + member.temporaryStay().hostCellId() + " until "
                + member.temporaryStay().until();
    });

    /** A transfer under way, of a member who is still a member (one removed in transit is received nowhere). */
    public static final MemberDecisions.Transition IN_TRANSIT = activeAnd(member -> member.inTransit() != null ? null
            : "no transfer of the member is under way");

    /** A temporary stay under way, of a member who is still a member (it ended with the membership). */
    public static final MemberDecisions.Transition ON_TEMPORARY_STAY = activeAnd(member ->
            member.temporaryStay() != null ? null : "the member is not temporarily at another cell");

    public static final MemberDecisions.Transition NOT_EXEMPTED = activeAnd(member ->
            member.exempted() ? "the member is already exempted" : null);

    public static final MemberDecisions.Transition EXISTS = member -> null;

    /** {@code then}, of a member who is still a member: a membership that ended refuses first, saying when. */
    private static MemberDecisions.Transition activeAnd(MemberDecisions.Transition then) {
        return member -> {
            String inactive = ACTIVE.refusal(member);
            return inactive != null ? inactive : then.refusal(member);
        };
    }

    /** A review of that kind is open before the member's cell. */
    public static MemberDecisions.Transition reviewOpen(ReviewKind kind) {
        return activeAnd(member -> member.openReview(kind).isPresent() ? null : "no " + kind + " review is open");
    }
}
