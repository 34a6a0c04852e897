package chibo.membership.review;

import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/** Rules of closing a review with the member kept. */
public final class ReviewRules {

    private ReviewRules() {
    }

    /**
     * The member's cell considers the case (a cell may close it: it resolves to keep the member), or a committee
     * above it does; nobody outside the member's line.
     */
    public static final class ConsideredInLine implements Rule<ReviewClosureFacts> {
        private final String source;

        public ConsideredInLine(String source) {
            this.source = source;
        }

        public String id() {
            return "review.considered-in-line";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ReviewClosureFacts facts) {
            return facts.decidedInLine() ? holds()
                    : violated("decidingOrgId", "the member's cell or a committee above it considers the review");
        }
    }

    /** A review is closed on or after the day it was opened. */
    public static final class ClosedAfterOpening implements Rule<ReviewClosureFacts> {
        public String id() {
            return "review.closed-after-opening";
        }

        public String source() {
            // a case is decided after it is put before the cell
            return "chibo: a review closes after it opens";
        }

        public Optional<Violation> check(ReviewClosureFacts facts) {
            return facts.effectiveDate().isBefore(facts.openedOn())
                    ? violated("effectiveDate", "the " + facts.kind() + " review was opened on " + facts.openedOn()
                    + "; it cannot be closed on " + facts.effectiveDate())
                    : holds();
        }
    }
}
