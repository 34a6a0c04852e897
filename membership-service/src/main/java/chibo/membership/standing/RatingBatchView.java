package chibo.membership.standing;

import chibo.contracts.member.RatingLevel;
import chibo.membership.member.MemberState;

import java.util.List;

/**
 * A batch of ratings as recorded: each member's rating with the member's new version and open reviews (a second
 * year rated NOT_COMPLETED opens a let-go review), and the organisation's share of "xuất sắc" for the year now.
 */
public record RatingBatchView(String organizationId, int year, List<Recorded> ratings, Share share) {

    public record Recorded(String memberId, RatingLevel level, int points, long version,
                           List<MemberState.Review> reviews) {
    }

    /** {@code allowedExcellent}: how many of {@code goodOrBetter} may be excellent at {@code sharePercent}. */
    public record Share(int excellent, int goodOrBetter, int allowedExcellent, int sharePercent) {
    }
}
