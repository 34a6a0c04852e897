package chibo.membership.probation;

import chibo.calendar.WorkingDayCalendar;
import chibo.membership.rules.CalendarRange;
import chibo.membership.rules.Regulations;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/** Rules of the ceremony, probation and recognition as an official member. */
public final class ProbationRules {

    private ProbationRules() {
    }

    /** The ceremony is held within 30 working days of the cell receiving the admission decision. */
    public static final class CeremonyDeadline implements Rule<ProbationFacts> {
        private final Regulations regulations;
        private final WorkingDayCalendar calendar;
        private final String source;

        public CeremonyDeadline(Regulations regulations, WorkingDayCalendar calendar, String source) {
            this.regulations = regulations;
            this.calendar = calendar;
            this.source = source;
        }

        public String id() {
            return "probation.ceremony-deadline";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ProbationFacts facts) {
            if (facts.decisionReceivedOn().isBefore(facts.admittedOn())) {
                return violated("decisionReceivedOn", "the cell cannot receive the decision before its date "
                        + facts.admittedOn());
            }
            if (facts.effectiveDate().isBefore(facts.decisionReceivedOn())) {
                return violated("ceremonyDate", "the ceremony cannot come before the cell received the decision");
            }
            int allowed = regulations.ceremonyWorkingDays();
            return CalendarRange.withinWorkingDays(calendar, "decisionReceivedOn", facts.decisionReceivedOn(),
                    "ceremonyDate", facts.effectiveDate(), allowed, deadline -> violated("ceremonyDate",
                            "the ceremony of " + facts.effectiveDate() + " is later than " + allowed
                                    + " working days after the cell received the decision (" + deadline + ")"));
        }
    }

    /**
     * The cell considers recognition (or failure) only once the 12 months of probation are over, and the committee
     * decides after the cell.
     */
    public static final class ProbationServed implements Rule<ProbationFacts> {
        private final Regulations regulations;
        private final String source;

        public ProbationServed(Regulations regulations, String source) {
            this.regulations = regulations;
            this.source = source;
        }

        public String id() {
            return "probation.served";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ProbationFacts facts) {
            var ends = facts.swornInOn().plusMonths(regulations.probationMonths());
            if (facts.cellResolutionDate().isBefore(ends)) {
                return violated("cellResolutionDate", "probation runs until " + ends + "; the cell considered it on "
                        + facts.cellResolutionDate());
            }
            return facts.effectiveDate().isBefore(facts.cellResolutionDate())
                    ? violated("decisionDate", "the committee's decision cannot come before the cell's resolution")
                    : holds();
        }
    }
}
