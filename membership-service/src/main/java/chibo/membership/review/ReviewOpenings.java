package chibo.membership.review;

import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.contracts.member.MemberReviewOpened;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.ReviewKind;
import chibo.membership.member.MemberState;

import java.util.List;
import java.util.Optional;

/**
 * When facts put a member's case before their cell. A review only puts the case on the agenda; a person decides.
 * It opens for an active member, once for the same facts (its basis), and only while no review of its kind is
 * open: the cell considers one case of each kind at a time.
 */
public final class ReviewOpenings {

    private ReviewOpenings() {
    }

    /** The facts of an absence threshold, as a basis: the window the absences fall in. */
    public static String absenceBasis(MemberAbsenceThresholdReached reached) {
        return "absences:" + reached.windowFrom() + ".." + reached.windowTo();
    }

    /** Two consecutive years, as a basis. */
    public static String ratingBasis(int firstYear) {
        return "ratings:" + firstYear + "-" + (firstYear + 1);
    }

    /**
     * Absent from cell meetings without good reason in three months of a year: the cell considers removing the
     * member from the rolls.
     */
    // Điều lệ Đảng, điều 8; QĐ 24-QĐ/TW and QĐ 294-QĐ/TW, point 8.1 (xóa tên)
    public static Optional<MemberReviewOpened> afterAbsences(MemberState member,
                                                             MemberAbsenceThresholdReached reached) {
        String basis = absenceBasis(reached);
        if (refusal(member, ReviewKind.REMOVAL, basis) != null) {
            return Optional.empty();
        }
        String reason = reached.unexcusedAbsences() + " unexcused absences from cell meetings between "
                + reached.windowFrom() + " and " + reached.windowTo() + ": removal from the rolls is considered"
                + " (Điều lệ Đảng, điều 8)";
        List<String> evidence = reached.meetingIds().stream().filter(id -> id != null && !id.isBlank()).toList();
        return Optional.of(new MemberReviewOpened(ReviewKind.REMOVAL, basis, reason, evidence));
    }

    /**
     * Rated "không hoàn thành nhiệm vụ" two years running: the cell considers letting the member go. The rating
     * just decided ({@code year}, {@code level}) is paired with the year before, or, for a year rated late, the
     * year after.
     */
    // HD 02-HD/BTCTW (2021); QĐ 24-QĐ/TW, point 8.2 (cho ra khỏi Đảng)
    public static Optional<MemberReviewOpened> afterRating(MemberState member, int year, RatingLevel level) {
        if (level != RatingLevel.NOT_COMPLETED) {
            return Optional.empty();
        }
        for (int first : new int[] {year - 1, year}) {
            int neighbour = first == year ? year + 1 : first;
            String basis = ratingBasis(first);
            if (member.ratings().get(neighbour) == RatingLevel.NOT_COMPLETED
                    && refusal(member, ReviewKind.LET_GO, basis) == null) {
                return Optional.of(new MemberReviewOpened(ReviewKind.LET_GO, basis, "rated NOT_COMPLETED for "
                        + first + " and " + (first + 1) + ": letting the member go is considered"
                        + " (HD 02-HD/BTCTW 2021)", List.of(String.valueOf(first), String.valueOf(first + 1))));
            }
        }
        return Optional.empty();
    }

    /** Why these facts open no review for the member now, or null when they do. */
    public static String refusal(MemberState member, ReviewKind kind, String basis) {
        if (!member.status().isActive()) {
            return "the membership ended on " + member.leftOn();
        }
        if (member.reviewBases().contains(basis)) {
            return "a review on the same facts (" + basis + ") was opened before";
        }
        return member.openReview(kind).map(open -> "a " + kind + " review is already open (" + open.basis() + ")")
                .orElse(null);
    }
}
