package chibo.membership.leaving;

import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.RatingLevel;
import chibo.membership.member.MemberDecisionFacts;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/** Rules of leaving the party other than by death: expulsion and letting go. */
public final class LeavingRules {

    private LeavingRules() {
    }

    /** Expulsion (khai trừ), the heaviest discipline, applies to official members only. */
    public static final class ExpulsionOfOfficialsOnly implements Rule<MemberDecisionFacts> {
        private final String source;

        public ExpulsionOfOfficialsOnly(String source) {
            this.source = source;
        }

        public String id() {
            return "expulsion.official-only";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(MemberDecisionFacts facts) {
            return facts.status() == MemberStatus.OFFICIAL ? holds()
                    : violated("memberId", "only official members can be expelled; this member is "
                    + facts.status());
        }
    }

    /**
     * Screening out (cho ra khỏi Đảng) follows two consecutive years rated "không hoàn thành nhiệm vụ" and a
     * period of help.
     */
    public static final class ScreenedOutAfterTwoYears implements Rule<MemberDecisionFacts> {
        private final String source;

        public ScreenedOutAfterTwoYears(String source) {
            this.source = source;
        }

        public String id() {
            return "letgo.screened-out-two-years";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(MemberDecisionFacts facts) {
            if (facts.letGoGround() != LetGoGround.SCREENED_OUT) {
                return holds();
            }
            boolean twoInARow = facts.ratings().entrySet().stream()
                    .filter(e -> e.getValue() == RatingLevel.NOT_COMPLETED)
                    .anyMatch(e -> facts.ratings().get(e.getKey() - 1) == RatingLevel.NOT_COMPLETED);
            return twoInARow ? holds()
                    : violated("ground", "screening out needs two consecutive years rated NOT_COMPLETED");
        }
    }
}
