package chibo.membership.standing;

import chibo.contracts.member.DisciplineLevel;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.RatingLevel;
import chibo.membership.member.MemberDecisionFacts;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/** Rules of a member's standing: exemption, discipline and the annual rating. */
public final class StandingRules {

    private StandingRules() {
    }

    /** Only official members may be exempted from party work and activity. */
    public static final class ExemptionOfOfficialsOnly implements Rule<MemberDecisionFacts> {
        private final String source;

        public ExemptionOfOfficialsOnly(String source) {
            this.source = source;
        }

        public String id() {
            return "exemption.official-only";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(MemberDecisionFacts facts) {
            return facts.status() == MemberStatus.OFFICIAL ? holds()
                    : violated("memberId", "only official members may be exempted; this member is "
                    + facts.status());
        }
    }

    /** Probationers may be reprimanded or warned, nothing heavier. */
    public static final class ProbationerDisciplineForms implements Rule<MemberDecisionFacts> {
        private final String source;

        public ProbationerDisciplineForms(String source) {
            this.source = source;
        }

        public String id() {
            return "discipline.probationer-forms";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(MemberDecisionFacts facts) {
            boolean light = facts.disciplineLevel() == DisciplineLevel.REPRIMAND
                    || facts.disciplineLevel() == DisciplineLevel.WARNING;
            return facts.status() == MemberStatus.PROBATIONARY && !light
                    ? violated("level", "a probationary member may only be reprimanded or warned, not given "
                    + facts.disciplineLevel())
                    : holds();
        }
    }

    /**
     * The annual rating: the level follows the points (xuất sắc from 90, tốt 70 to under 90, hoàn thành 50 to under
     * 70; "không hoàn thành" under 50 or in a listed case), once per year, and a member disciplined in the year
     * is rated "không hoàn thành" unless they found and fully remedied the fault themselves.
     */
    public static final class Rating implements Rule<RatingFacts> {
        private final String source;

        public Rating(String source) {
            this.source = source;
        }

        public String id() {
            return "rating.annual";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(RatingFacts facts) {
            if (facts.alreadyRated()) {
                return violated("year", "the member is already rated for " + facts.year()
                        + "; correct that rating instead");
            }
            if (facts.year() > facts.effectiveDate().getYear() || facts.year() < facts.admittedOn().getYear()) {
                return violated("year", "a rating for " + facts.year() + " cannot be decided on "
                        + facts.effectiveDate() + " for a member admitted on " + facts.admittedOn());
            }
            if (facts.disciplinedInYear() && facts.level() != RatingLevel.NOT_COMPLETED) {
                return violated("level", "the member was disciplined in " + facts.year()
                        + " without remedying the fault themselves: the rating is NOT_COMPLETED");
            }
            RatingLevel byPoints = facts.points() >= 90 ? RatingLevel.EXCELLENT
                    : facts.points() >= 70 ? RatingLevel.GOOD
                    : facts.points() >= 50 ? RatingLevel.COMPLETED
                    : RatingLevel.NOT_COMPLETED;
            boolean matches = facts.level() == byPoints || facts.level() == RatingLevel.NOT_COMPLETED;
            return matches ? holds()
                    : violated("level", facts.points() + " points rate " + byPoints + ", not " + facts.level());
        }
    }
}
