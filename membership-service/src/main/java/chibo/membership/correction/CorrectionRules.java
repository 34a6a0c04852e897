package chibo.membership.correction;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.member.CorrectionKind;
import chibo.membership.rules.CalendarRange;
import chibo.membership.rules.Regulations;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** Corrections compensate an earlier event; they never change or delete it. */
public final class CorrectionRules {

    static final Set<String> DISCIPLINE = Set.of("member.disciplined.v1", "member.expelled.v1");
    static final Set<String> REMOVAL = Set.of("member.removed.v1", "member.probation_failed.v1",
            "member.let_go.v1");

    private CorrectionRules() {
    }

    /** The corrected event exists in the member's history, is the one named, and is not itself a correction. */
    public static final class Target implements Rule<CorrectionFacts> {
        public String id() {
            return "correction.target";
        }

        public String source() {
            // history is never rewritten: a correction is a compensating event
            return "chibo: corrections are compensating events";
        }

        public Optional<Violation> check(CorrectionFacts facts) {
            if (facts.correctedType() == null) {
                return violated("correctedSeq", "the member has no event " + facts.correctedSeq());
            }
            if (!facts.actualEventId().equals(facts.correctedEventId())) {
                return violated("correctedEventId", "event " + facts.correctedSeq() + " of the member has id "
                        + facts.actualEventId());
            }
            if (facts.correctedType().equals("member.corrected.v1")) {
                return violated("correctedSeq", "a correction is not corrected; record a new one");
            }
            if (facts.correctedType().equals("member.residence_changed.v1")) {
                // a correction would leave the place the member lives in, and the figures that follow it, as they are
                return violated("correctedSeq", "a change of residence is put right by recording the right place"
                        + " with another change of residence");
            }
            return holds();
        }
    }

    /**
     * An appeal is upheld only for a decision that can be appealed, lodged in time: within one month for
     * discipline and expulsion (Điều lệ Đảng, điều 39.7), within 30 working days for removal (verify), counted from
     * the day the member received the decision when that day is given (QĐ 22-QĐ/TW 2021), else from its date.
     */
    public static final class AppealWindow implements Rule<CorrectionFacts> {
        private final Regulations regulations;
        private final WorkingDayCalendar calendar;
        private final String source;

        public AppealWindow(Regulations regulations, WorkingDayCalendar calendar, String source) {
            this.regulations = regulations;
            this.calendar = calendar;
            this.source = source;
        }

        public String id() {
            return "correction.appeal-window";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(CorrectionFacts facts) {
            if (facts.kind() != CorrectionKind.APPEAL_UPHELD || facts.correctedType() == null) {
                return holds();
            }
            if (facts.appealFiledOn() == null) {
                return violated("appealFiledOn", "an upheld appeal needs the date it was lodged");
            }
            if (facts.appealFiledOn().isBefore(facts.correctedEffectiveDate())) {
                return violated("appealFiledOn", "the appeal cannot be lodged before the decision");
            }
            if (facts.decisionReceivedOn() != null
                    && facts.decisionReceivedOn().isBefore(facts.correctedEffectiveDate())) {
                return violated("decisionReceivedOn", "the member cannot receive the decision of "
                        + facts.correctedEffectiveDate() + " before its date");
            }
            LocalDate start = facts.appealWindowStart();
            String startField = facts.decisionReceivedOn() != null ? "decisionReceivedOn" : "correctedSeq";
            if (DISCIPLINE.contains(facts.correctedType())) {
                var lastDay = start.plusMonths(regulations.disciplineAppealMonths());
                return facts.appealFiledOn().isAfter(lastDay) ? lodgedAfter(facts, lastDay) : holds();
            }
            if (REMOVAL.contains(facts.correctedType())) {
                return CalendarRange.withinWorkingDays(calendar, startField, start,
                        "appealFiledOn", facts.appealFiledOn(), regulations.removalAppealWorkingDays(),
                        lastDay -> lodgedAfter(facts, lastDay));
            }
            return violated("correctedSeq", facts.correctedType() + " is not a decision one appeals");
        }

        private Optional<Violation> lodgedAfter(CorrectionFacts facts, LocalDate lastDay) {
            return violated("appealFiledOn", "the appeal of " + facts.appealFiledOn() + " was lodged after the"
                    + " last day, " + lastDay + ", counted from " + (facts.decisionReceivedOn() != null
                    ? "the day the member received the decision, " + facts.decisionReceivedOn()
                    : "the decision's date, " + facts.correctedEffectiveDate() + " (no day of receipt given)"));
        }
    }
}
