package chibo.membership.organization;

import chibo.contracts.member.MemberStatus;

/**
 * Where a member stands, as far as organisations need to know: their status, the cell that counts them, the cell a
 * transfer is taking them to and the cell they are temporarily at (null when none).
 */
public record MemberPlacement(String memberId, MemberStatus status, String cellId, String arrivingAt,
                              String temporarilyAt) {

    public boolean active() {
        return status != null && status.isActive();
    }
}
