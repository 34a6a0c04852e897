package chibo.contracts.member;

/**
 * The cell considered the review and kept the member. A review that ends in a removal or a letting go closes with
 * that event instead.
 */
public record MemberReviewClosed(ReviewKind kind, String basis, String reason) implements MemberEvent {
}
