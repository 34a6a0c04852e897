package chibo.membership.readmission;

import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.RemovalGround;
import chibo.membership.rules.Regulations;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/** Readmission (kết nạp lại): once only, after waiting, never for some. */
public final class ReadmissionRules {

    private ReadmissionRules() {
    }

    /** Only someone whose membership ended can be readmitted, and only once. */
    public static final class OnceOnly implements Rule<ReadmissionFacts> {
        private final String source;

        public OnceOnly(String source) {
            this.source = source;
        }

        public String id() {
            return "readmission.once-only";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ReadmissionFacts facts) {
            if (facts.previousStatus().isActive()) {
                return violated("previousMemberId", "the earlier membership has not ended: the member is "
                        + facts.previousStatus());
            }
            if (facts.previousWasReadmission() || facts.alreadyReadmitted()) {
                return violated("previousMemberId", "a person is readmitted once only");
            }
            return holds();
        }
    }

    /** At least 36 months after leaving; 60 months after a less-serious conviction is expunged. */
    public static final class WaitingPeriod implements Rule<ReadmissionFacts> {
        private final Regulations regulations;
        private final String source;

        public WaitingPeriod(Regulations regulations, String source) {
            this.regulations = regulations;
            this.source = source;
        }

        public String id() {
            return "readmission.waiting-period";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ReadmissionFacts facts) {
            var eligible = facts.previousLeftOn().plusMonths(regulations.readmissionWaitMonths());
            if (facts.effectiveDate().isBefore(eligible)) {
                return violated("decisionDate", "readmission is possible from " + eligible + ", "
                        + regulations.readmissionWaitMonths() + " months after leaving on " + facts.previousLeftOn());
            }
            if (facts.convictionExpungedOn() != null) {
                var afterExpunged = facts.convictionExpungedOn().plusMonths(
                        regulations.readmissionAfterExpungedMonths());
                if (facts.effectiveDate().isBefore(afterExpunged)) {
                    return violated("decisionDate", "readmission is possible from " + afterExpunged + ", "
                            + regulations.readmissionAfterExpungedMonths() + " months after the conviction was"
                            + " expunged");
                }
            }
            return holds();
        }
    }

    /**
     * Never readmitted: those who left party activity of their own accord, asked to leave (save exceptional family
     * hardship), caused serious internal disunity, or were convicted of corruption or of a serious crime or worse.
     */
    public static final class NeverReadmitted implements Rule<ReadmissionFacts> {
        private final String source;

        public NeverReadmitted(String source) {
            this.source = source;
        }

        public String id() {
            return "readmission.never";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ReadmissionFacts facts) {
            var declared = facts.declarations();
            if (facts.removalGround() == RemovalGround.ABSENT_OR_UNPAID_THREE_MONTHS) {
                return violated("previousMemberId", "the member left party activity of their own accord");
            }
            if (facts.letGoGround() == LetGoGround.ASKED_TO_LEAVE && !declared.leftForExceptionalFamilyHardship()) {
                return violated("previousMemberId", "the member asked to leave the party, not for exceptional family"
                        + " hardship");
            }
            if (declared.causedSeriousDisunity()) {
                return violated("declarations.causedSeriousDisunity", "those who caused serious internal disunity"
                        + " are never readmitted");
            }
            if (declared.convictedOfCorruption() || declared.convictedOfSeriousCrime()) {
                return violated(declared.convictedOfCorruption() ? "declarations.convictedOfCorruption"
                        : "declarations.convictedOfSeriousCrime", "those convicted of corruption or of a serious"
                        + " crime or worse are never readmitted");
            }
            return holds();
        }
    }
}
