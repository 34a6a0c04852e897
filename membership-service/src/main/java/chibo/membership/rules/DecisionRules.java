package chibo.membership.rules;

import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;
import chibo.contracts.organization.OrgLevel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Rules every decision on a member must keep, whatever the command. */
public final class DecisionRules {

    private DecisionRules() {
    }

    /** Decisions are recorded once taken: an effective date after today is a typing error, not a plan. */
    public static final class NotInFuture implements Rule<DecisionFacts> {
        public String id() {
            return "decision.not-in-future";
        }

        public String source() {
            // a fact is recorded after it happens
            return "Điều lệ Đảng (facts are recorded after the decision)";
        }

        public Optional<Violation> check(DecisionFacts facts) {
            return facts.effectiveDate().isAfter(facts.today())
                    ? violated("effectiveDate", "the decision date " + facts.effectiveDate() + " is after today, "
                    + facts.today())
                    : holds();
        }
    }

    /**
     * The deciding committee is above the member's cell and is a committee, not a cell: a cell resolves, a
     * committee decides.
     */
    public static final class CompetentCommittee implements Rule<DecisionFacts> {
        private static final Set<OrgLevel> COMMITTEES = EnumSet.of(OrgLevel.CENTRAL, OrgLevel.PROVINCE,
                OrgLevel.DISTRICT, OrgLevel.COMMUNE, OrgLevel.GRASSROOTS, OrgLevel.GRASSROOTS_CELL);
        private final String source;

        public CompetentCommittee(String source) {
            this.source = source;
        }

        public String id() {
            return "decision.competent-committee";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(DecisionFacts facts) {
            if (!facts.decidedInLine()) {
                return violated("decidingOrgId", "the deciding committee is not above the member's cell");
            }
            return COMMITTEES.contains(facts.decidingLevel()) ? holds()
                    : violated("decidingOrgId", "a " + facts.decidingLevel() + " cannot take this decision; a"
                    + " competent party committee does");
        }
    }

    /**
     * From 01/07/2025 there is no district level: a decision a district committee issued on or after that day is
     * invalid; the same decision dated 30/06/2025 stands.
     */
    public static final class NoDistrictLevel implements Rule<DecisionFacts> {
        public String id() {
            return "decision.no-district-level";
        }

        public String source() {
            // QĐ 294-QĐ/TW (26/05/2025), in force 01/07/2025
            return "QĐ 294-QĐ/TW (26/05/2025), hiệu lực 01/07/2025";
        }

        public Optional<Violation> check(DecisionFacts facts) {
            return facts.decidingLevel() == OrgLevel.DISTRICT
                    ? violated("decidingOrgId", "district-level committees no longer decide from 01/07/2025; the"
                    + " provincial standing board or a grassroots committee it authorises does")
                    : holds();
        }
    }

    /**
     * Admission, recognition and removal from the rolls are decided by the standing board of the committee directly
     * above the grassroots organisation (or a grassroots committee it authorises): a cell, and a chi bộ cơ sở, which
     * is itself the grassroots organisation, resolve and propose; they do not decide.
     */
    public static final class SuperiorCommittee implements Rule<DecisionFacts> {
        private final String source;

        public SuperiorCommittee(String source) {
            this.source = source;
        }

        public String id() {
            return "decision.superior-committee";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(DecisionFacts facts) {
            return facts.decidingLevel() == OrgLevel.GRASSROOTS_CELL
                    ? violated("decidingOrgId", "a chi bộ cơ sở resolves and proposes this decision; the committee"
                    + " above it decides")
                    : holds();
        }
    }
}
