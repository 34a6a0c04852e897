package chibo.membership.enrolment;

import chibo.contracts.member.MemberStatus;
import chibo.membership.rules.Ages;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/**
 * Members migrated from paper or older registers are not checked against the admission rules (their introducers
 * and votes are not in chibo), only for consistency: a possible status, dates in order, a plausible age.
 */
public final class EnrolmentRules {

    private static final String SOURCE = "chibo: register migration (consistency only)";

    private EnrolmentRules() {
    }

    /** Registers carry current members: probationary or official; exempted only if official. */
    public static final class PossibleStatus implements Rule<EnrolmentFacts> {
        public String id() {
            return "enrolment.status";
        }

        public String source() {
            return SOURCE;
        }

        public Optional<Violation> check(EnrolmentFacts facts) {
            if (!facts.status().isActive()) {
                return violated("status", "a register enrols current members, not " + facts.status());
            }
            if (facts.exempted() && facts.status() != MemberStatus.OFFICIAL) {
                return violated("exempted", "only official members can be exempted");
            }
            boolean recognized = facts.recognizedOn() != null;
            if (recognized != (facts.status() == MemberStatus.OFFICIAL)) {
                return violated("recognizedOn", facts.status() == MemberStatus.OFFICIAL
                        ? "an official member has a recognition date" : "a probationary member has no recognition date");
            }
            return holds();
        }
    }

    /** Born before admitted, admitted before recognised, nothing after today. */
    public static final class DatesInOrder implements Rule<EnrolmentFacts> {
        public String id() {
            return "enrolment.dates-in-order";
        }

        public String source() {
            return SOURCE;
        }

        public Optional<Violation> check(EnrolmentFacts facts) {
            if (facts.admittedOn().isAfter(facts.today())) {
                return violated("admittedOn", "the admission date is after today");
            }
            if (!facts.birthDate().isBefore(facts.admittedOn())) {
                return violated("admittedOn", "admitted before being born");
            }
            if (facts.recognizedOn() != null && (facts.recognizedOn().isBefore(facts.admittedOn())
                    || facts.recognizedOn().isAfter(facts.today()))) {
                return violated("recognizedOn", "recognition must fall between the admission and today");
            }
            return holds();
        }
    }

    /** Admitted at an age a person can be admitted at: 16 to 90. */
    public static final class PlausibleAge implements Rule<EnrolmentFacts> {
        public String id() {
            return "enrolment.plausible-age";
        }

        public String source() {
            return SOURCE;
        }

        public Optional<Violation> check(EnrolmentFacts facts) {
            long years = Ages.months(facts.birthDate(), facts.admittedOn()) / 12;
            return years < 16 || years > 90
                    ? violated("person.birthDate", "admitted at " + years + ": the birth or admission date is wrong")
                    : holds();
        }
    }
}
