package chibo.membership.admission;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.Ages;
import chibo.membership.rules.CalendarRange;
import chibo.membership.rules.Regulations;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The admission rules (kết nạp), each citing the point of the regulation it implements. */
public final class AdmissionRules {

    private AdmissionRules() {
    }

    /**
     * Aged from 18 to 60 full years, counted in months, when the cell considers the admission; older only when a
     * committee directly under the Central Committee (a province or the centre) decides.
     */
    public static final class Age implements Rule<ApplicantFacts> {
        private final Regulations regulations;
        private final String source;

        public Age(Regulations regulations, String source) {
            this.regulations = regulations;
            this.source = source;
        }

        public String id() {
            return "admission.age";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ApplicantFacts facts) {
            long months = Ages.months(facts.person().birthDate(), facts.cellResolutionDate());
            if (months < 12L * regulations.minimumAgeYears()) {
                return violated("person.birthDate", "the applicant was " + months / 12 + " years and " + months % 12
                        + " months old when the cell considered the admission; the minimum is "
                        + regulations.minimumAgeYears() + " full years");
            }
            boolean centralLevel = facts.decidingLevel() == OrgLevel.PROVINCE
                    || facts.decidingLevel() == OrgLevel.CENTRAL;
            if (months > 12L * regulations.maximumAgeYears() && !centralLevel) {
                return violated("person.birthDate", "the applicant was over " + regulations.maximumAgeYears()
                        + " when the cell considered the admission: only a committee directly under the Central"
                        + " Committee may admit them");
            }
            return holds();
        }
    }

    /**
     * At least lower-secondary (THCS) education; primary (tiểu học) where the applicant claims one of the exceptions
     * the regulations allow (highland, remote and border areas, islands, ethnic-minority areas, areas of special
     * hardship, other cases the Secretariat names), stating what supports it.
     */
    public static final class MinimumEducation implements Rule<ApplicantFacts> {
        private final String source;

        public MinimumEducation(String source) {
            this.source = source;
        }

        public String id() {
            return "admission.education";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(ApplicantFacts facts) {
            if (facts.person().education().compareTo(Education.LOWER_SECONDARY) >= 0) {
                return holds();
            }
            EducationException exception = facts.educationException();
            if (exception == null) {
                return violated("person.education", "lower-secondary (THCS) education or higher is required, save"
                        + " for an exception the regulations allow (educationException: highland, remote or border"
                        + " areas, islands, ethnic-minority areas, areas of special hardship, other cases the"
                        + " Secretariat names)");
            }
            if (!exception.hasBasis()) {
                return violated("educationException.basis", "an exception from the lower-secondary minimum ("
                        + exception.ground().wording() + ") states what supports it: the place, or the"
                        + " Secretariat's document for another case");
            }
            return holds(); // primary (tiểu học), the least chibo records, is enough under the exception
        }
    }

    /** The awareness-course certificate is valid for 5 years, and must be valid when the cell considers. */
    public static final class AwarenessCertificate implements Rule<AdmissionFacts> {
        private final Regulations regulations;
        private final String source;

        public AwarenessCertificate(Regulations regulations, String source) {
            this.regulations = regulations;
            this.source = source;
        }

        public String id() {
            return "admission.awareness-certificate";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(AdmissionFacts facts) {
            var certificate = facts.awarenessCertificate();
            if (certificate == null) {
                return violated("awarenessCertificate", "the certificate of the course on awareness of the Party is"
                        + " required");
            }
            if (certificate.issuedOn().isAfter(facts.cellResolutionDate())) {
                return violated("awarenessCertificate.issuedOn", "the certificate was issued after the cell's"
                        + " resolution");
            }
            if (certificate.issuedOn().plusYears(regulations.awarenessCertificateYears())
                    .isBefore(facts.cellResolutionDate())) {
                return violated("awarenessCertificate.issuedOn", "the certificate of " + certificate.issuedOn()
                        + " had expired (valid " + regulations.awarenessCertificateYears() + " years)");
            }
            return holds();
        }
    }

    /**
     * Two official members who have worked with the applicant for at least 12 months, or the Youth Union committee
     * and one official member. Both are read on the day of the cell's resolution, which the introductions go
     * before: an introducer official then stands even if they have left since; one still probationary then does not,
     * even if official today.
     */
    public static final class Introducers implements Rule<IntroducedFacts> {
        private final Regulations regulations;
        private final String source;

        public Introducers(Regulations regulations, String source) {
            this.regulations = regulations;
            this.source = source;
        }

        public String id() {
            return "admission.introducers";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(IntroducedFacts facts) {
            List<IntroducerFacts> introducers = facts.introducers();
            int required = facts.youthUnionIntroduced() ? 1 : 2;
            if (introducers.size() != required) {
                return violated("introducers", (facts.youthUnionIntroduced()
                        ? "with the Youth Union committee introducing, one official member introduces too"
                        : "two official members introduce the applicant") + "; " + introducers.size() + " named");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < introducers.size(); i++) {
                IntroducerFacts introducer = introducers.get(i);
                String field = "introducers[" + i + "]";
                if (!seen.add(introducer.memberId())) {
                    return violated(field + ".memberId", "the same member introduces twice");
                }
                if (introducer.statusToday() == null) {
                    return violated(field + ".memberId", "no member has id '" + introducer.memberId() + "'");
                }
                if (introducer.status() != MemberStatus.OFFICIAL) {
                    return violated(field + ".memberId", "introducer '" + introducer.memberId() + "' was "
                            + (introducer.status() == null ? "not yet a party member" : introducer.status())
                            + " on " + facts.cellResolutionDate() + ", the day of the cell's resolution, not an"
                            + " official member" + (introducer.statusToday() != introducer.status()
                            ? " (" + introducer.statusToday() + " today)" : ""));
                }
                long months = Ages.months(introducer.workedWithSince(), facts.cellResolutionDate());
                if (months < regulations.introducerAcquaintanceMonths()) {
                    return violated(field + ".workedWithSince", "introducer '" + introducer.memberId()
                            + "' has worked with the applicant " + months + " months; at least "
                            + regulations.introducerAcquaintanceMonths() + " are required");
                }
            }
            return holds();
        }
    }

    /**
     * The Youth Union committee introduces only an applicant of Youth Union age: up to 30, counted in months as the
     * other ages are, on the day of the cell's resolution (youth: from 16 to 30, Luật Thanh niên 2020, điều 1). An
     * older applicant is introduced by two official members.
     */
    public static final class YouthUnionRoute implements Rule<IntroducedFacts> {
        /** Luật Thanh niên 2020, điều 1; Điều lệ Đoàn TNCS Hồ Chí Minh: a member over 30 leaves the Youth Union. */
        public static final int YOUTH_UNION_MAXIMUM_AGE_YEARS = 30;

        private final String source;

        public YouthUnionRoute(String source) {
            this.source = source;
        }

        public String id() {
            return "admission.youth-union-route";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(IntroducedFacts facts) {
            if (!facts.youthUnionIntroduced() || facts.person() == null || facts.person().birthDate() == null) {
                return holds();
            }
            long months = Ages.months(facts.person().birthDate(), facts.cellResolutionDate());
            return months > 12L * YOUTH_UNION_MAXIMUM_AGE_YEARS
                    ? violated("youthUnionIntroduced", "the applicant was " + months / 12 + " years and "
                            + months % 12 + " months old when the cell considered the admission: the Youth Union"
                            + " committee introduces applicants of Youth Union age (up to "
                            + YOUTH_UNION_MAXIMUM_AGE_YEARS + ") only; two official members introduce an older one")
                    : holds();
        }
    }

    /**
     * At least two thirds of the official members vote in favour. The base: official members minus those
     * temporarily transferred elsewhere and exempted members not present.
     */
    public static final class TwoThirdsVote implements Rule<VoteFacts> {
        private final String source;

        public TwoThirdsVote(String source) {
            this.source = source;
        }

        public String id() {
            return "admission.two-thirds-vote";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(VoteFacts facts) {
            var vote = facts.vote();
            int base = vote.base();
            if (base <= 0) {
                return violated("vote.officialMembers", "no official member counts towards the vote");
            }
            if (vote.inFavour() > base) {
                return violated("vote.inFavour", vote.inFavour() + " in favour is more than the " + base
                        + " members who count");
            }
            return 3L * vote.inFavour() >= 2L * base ? holds()
                    : violated("vote.inFavour", vote.inFavour() + " of " + base + " is less than two thirds");
        }
    }

    /**
     * The committee decides within 60 working days of the cell's resolution, at most 30 more in special cases, and
     * never before the resolution.
     */
    public static final class DecisionDeadline implements Rule<AdmissionFacts> {
        private final Regulations regulations;
        private final WorkingDayCalendar calendar;
        private final String source;

        public DecisionDeadline(Regulations regulations, WorkingDayCalendar calendar, String source) {
            this.regulations = regulations;
            this.calendar = calendar;
            this.source = source;
        }

        public String id() {
            return "admission.decision-deadline";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(AdmissionFacts facts) {
            if (facts.effectiveDate().isBefore(facts.cellResolutionDate())) {
                return violated("decisionDate", "the decision cannot come before the cell's resolution of "
                        + facts.cellResolutionDate());
            }
            int allowed = regulations.admissionDecisionWorkingDays()
                    + (facts.specialCase() ? regulations.extensionWorkingDays() : 0);
            return CalendarRange.withinWorkingDays(calendar, "cellResolutionDate", facts.cellResolutionDate(),
                    "decisionDate", facts.effectiveDate(), allowed, deadline -> violated("decisionDate",
                            "the decision of " + facts.effectiveDate() + " is later than " + allowed
                                    + " working days after the cell's resolution (" + deadline + ")"));
        }
    }
}
