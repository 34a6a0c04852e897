package chibo.membership.admission;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.member.AwarenessCertificate;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.Regulations;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The admission rules (Điều lệ Đảng điều 1, 4; QĐ 24/294-QĐ/TW points 3.1–3.5, 4.1, 9.3.2). */
class AdmissionRulesTest {

    private static final Regulations REGULATIONS = Regulations.DEFAULTS;
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.vietnam();

    private static <F> Optional<Violation> check(Rule<? super F> rule, F facts) {
        return rule.check(facts);
    }

    @Nested
    class Age {
        private final AdmissionRules.Age rule = new AdmissionRules.Age(REGULATIONS, "Điều lệ Đảng, điều 1; QĐ 294-QĐ/TW, điểm 3.1");

        @Test
        void admits_someone_who_turned_18_by_the_cells_resolution() {
            var facts = AdmissionFactsBuilder.valid().bornOn(AdmissionFactsBuilder.RESOLUTION.minusYears(18)).build();

            assertThat(check(rule, facts)).isEmpty();
            assertThat(rule.source()).contains("điều 1").contains("3.1");
        }

        @Test
        void rejects_someone_a_month_short_of_18_naming_the_birth_date() {
            var facts = AdmissionFactsBuilder.valid()
                    .bornOn(AdmissionFactsBuilder.RESOLUTION.minusYears(18).plusMonths(1)).build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> {
                assertThat(v.ruleId()).isEqualTo("admission.age");
                assertThat(v.field()).isEqualTo("person.birthDate");
                assertThat(v.message()).contains("17 years and 11 months");
            });
        }

        @Test
        void rejects_someone_over_60_when_a_commune_committee_decides() {
            var facts = AdmissionFactsBuilder.valid()
                    .bornOn(AdmissionFactsBuilder.RESOLUTION.minusYears(61)).build();

            assertThat(check(rule, facts)).isPresent();
        }

        @Test
        void admits_someone_over_60_when_a_provincial_committee_decides() {
            var facts = AdmissionFactsBuilder.valid().bornOn(AdmissionFactsBuilder.RESOLUTION.minusYears(61))
                    .decidedBy(OrgLevel.PROVINCE).build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void counts_age_in_whole_months_so_60_and_two_weeks_is_still_60_but_60_and_a_month_is_not() {
            var sixtyAndTwoWeeks = AdmissionFactsBuilder.valid()
                    .bornOn(AdmissionFactsBuilder.RESOLUTION.minusYears(60).minusDays(15)).build();
            var sixtyAndAMonth = AdmissionFactsBuilder.valid()
                    .bornOn(AdmissionFactsBuilder.RESOLUTION.minusYears(60).minusMonths(1)).build();

            assertThat(check(rule, sixtyAndTwoWeeks)).isEmpty();
            assertThat(check(rule, sixtyAndAMonth)).isPresent();
        }
    }

    @Nested
    class MinimumEducation {
        private final AdmissionRules.MinimumEducation rule = new AdmissionRules.MinimumEducation("QĐ 294-QĐ/TW, điểm 3.3");

        @Test
        void admits_a_lower_secondary_graduate() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().education(Education.LOWER_SECONDARY).build()))
                    .isEmpty();
        }

        @Test
        void rejects_primary_education_only() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().education(Education.PRIMARY).build()))
                    .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("person.education"));
        }

        // QĐ 24-QĐ/TW điểm 3.3 (amended by QĐ 232-QĐ/TW, 2025), QĐ 294-QĐ/TW điểm 3.3: the Secretariat's exceptions
        @Test
        void admits_primary_education_in_an_ethnic_minority_area_when_the_exception_is_claimed_with_its_place() {
            var facts = AdmissionFactsBuilder.valid().education(Education.PRIMARY)
                    .educationException(EducationException.Ground.ETHNIC_MINORITY_AREA, "bản Nà Mò, xã Hồng Quang")
                    .build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void admits_primary_education_on_an_island() {
            var facts = AdmissionFactsBuilder.valid().education(Education.PRIMARY)
                    .educationException(EducationException.Ground.ISLAND, "đặc khu Cô Tô").build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void rejects_an_exception_that_does_not_say_what_supports_it() {
            var facts = AdmissionFactsBuilder.valid().education(Education.PRIMARY)
                    .educationException(EducationException.Ground.SECRETARIAT_CASE, " ").build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> {
                assertThat(v.field()).isEqualTo("educationException.basis");
                assertThat(v.message()).contains("hướng dẫn của Ban Bí thư");
            });
        }

        @Test
        void without_a_claimed_exception_primary_education_is_refused_and_the_refusal_names_the_exceptions() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().education(Education.PRIMARY).build()))
                    .hasValueSatisfying(v -> assertThat(v.message()).contains("educationException")
                            .contains("islands").contains("ethnic-minority areas"));
        }

        @Test
        void a_claimed_exception_changes_nothing_for_a_lower_secondary_graduate() {
            var facts = AdmissionFactsBuilder.valid().education(Education.LOWER_SECONDARY)
                    .educationException(EducationException.Ground.SECRETARIAT_CASE, null).build();

            assertThat(check(rule, facts)).isEmpty();
        }
    }

    @Nested
    class AwarenessCertificateValidity {
        private final AdmissionRules.AwarenessCertificate rule =
                new AdmissionRules.AwarenessCertificate(REGULATIONS, "QĐ 294-QĐ/TW, điểm 3.4");

        @Test
        void accepts_a_certificate_issued_within_five_years() {
            var facts = AdmissionFactsBuilder.valid().certificate(new AwarenessCertificate("NT",
                    AdmissionFactsBuilder.RESOLUTION.minusYears(5))).build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void rejects_an_expired_certificate() {
            var facts = AdmissionFactsBuilder.valid().certificate(new AwarenessCertificate("NT",
                    AdmissionFactsBuilder.RESOLUTION.minusYears(5).minusDays(1))).build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> {
                assertThat(v.field()).isEqualTo("awarenessCertificate.issuedOn");
                assertThat(v.message()).contains("expired");
            });
        }

        @Test
        void rejects_an_admission_without_a_certificate() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().certificate(null).build()))
                    .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("awarenessCertificate"));
        }

        @Test
        void rejects_a_certificate_issued_after_the_resolution() {
            var facts = AdmissionFactsBuilder.valid().certificate(new AwarenessCertificate("NT",
                    AdmissionFactsBuilder.RESOLUTION.plusDays(1))).build();

            assertThat(check(rule, facts)).isPresent();
        }
    }

    @Nested
    class Introducers {
        private final AdmissionRules.Introducers rule =
                new AdmissionRules.Introducers(REGULATIONS, "Điều lệ Đảng, điều 4; QĐ 294-QĐ/TW, điểm 3.5");

        @Test
        void admits_with_two_official_introducers_of_twelve_months_acquaintance() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().build())).isEmpty();
        }

        @Test
        void rejects_admission_when_an_introducer_is_still_probationary() {
            var facts = AdmissionFactsBuilder.valid().introducers(
                    new IntroducerFacts("m-1", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL),
                    new IntroducerFacts("m-2", LocalDate.of(2022, 1, 1), MemberStatus.PROBATIONARY)).build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> {
                assertThat(v.field()).isEqualTo("introducers[1].memberId");
                assertThat(v.message()).contains("PROBATIONARY");
            });
        }

        @Test
        void rejects_an_introducer_who_was_still_probationary_on_the_day_of_the_resolution_though_official_today() {
            var facts = AdmissionFactsBuilder.valid().introducers(
                    new IntroducerFacts("m-1", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL),
                    new IntroducerFacts("m-2", LocalDate.of(2022, 1, 1), MemberStatus.PROBATIONARY,
                            MemberStatus.OFFICIAL)).build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> {
                assertThat(v.field()).isEqualTo("introducers[1].memberId");
                assertThat(v.message()).contains("was PROBATIONARY on " + AdmissionFactsBuilder.RESOLUTION)
                        .contains("OFFICIAL today");
            });
        }

        @Test
        void admits_with_an_introducer_who_was_official_on_the_day_of_the_resolution_and_has_died_since() {
            var facts = AdmissionFactsBuilder.valid().introducers(
                    new IntroducerFacts("m-1", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL,
                            MemberStatus.DECEASED),
                    new IntroducerFacts("m-2", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL)).build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void rejects_an_introducer_who_was_not_yet_a_member_on_the_day_of_the_resolution() {
            var facts = AdmissionFactsBuilder.valid().introducers(
                    new IntroducerFacts("m-1", LocalDate.of(2022, 1, 1), null, MemberStatus.OFFICIAL),
                    new IntroducerFacts("m-2", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL)).build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> {
                assertThat(v.field()).isEqualTo("introducers[0].memberId");
                assertThat(v.message()).contains("not yet a party member");
            });
        }

        @Test
        void rejects_an_introducer_who_is_not_a_member() {
            var facts = AdmissionFactsBuilder.valid().introducers(
                    new IntroducerFacts("ghost", LocalDate.of(2022, 1, 1), null),
                    new IntroducerFacts("m-2", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL)).build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> assertThat(v.field())
                    .isEqualTo("introducers[0].memberId"));
        }

        @Test
        void rejects_an_introducer_known_for_less_than_twelve_months() {
            var facts = AdmissionFactsBuilder.valid().introducers(
                    new IntroducerFacts("m-1", AdmissionFactsBuilder.RESOLUTION.minusMonths(11),
                            MemberStatus.OFFICIAL),
                    new IntroducerFacts("m-2", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL)).build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> assertThat(v.field())
                    .isEqualTo("introducers[0].workedWithSince"));
        }

        @Test
        void rejects_the_same_introducer_twice() {
            var introducer = new IntroducerFacts("m-1", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL);

            assertThat(check(rule, AdmissionFactsBuilder.valid().introducers(introducer, introducer).build()))
                    .hasValueSatisfying(v -> assertThat(v.message()).contains("twice"));
        }

        @Test
        void admits_with_the_youth_union_and_one_official_member() {
            var facts = AdmissionFactsBuilder.valid().youthUnion()
                    .introducers(new IntroducerFacts("m-1", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL)).build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void rejects_the_youth_union_route_with_two_introducers() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().youthUnion().build())).isPresent();
        }
    }

    /** Điều lệ Đảng, điều 4.3: the Youth Union route; youth is to 30 (Luật Thanh niên 2020, điều 1). */
    @Nested
    class YouthUnionRoute {
        private final AdmissionRules.YouthUnionRoute rule = new AdmissionRules.YouthUnionRoute(
                "Điều lệ Đảng, điều 4.3; QĐ 294-QĐ/TW, điểm 3.5; Luật Thanh niên 2020, điều 1");

        @Test
        void the_youth_union_introduces_an_applicant_of_27() {
            var facts = AdmissionFactsBuilder.valid().bornOn(LocalDate.of(1998, 4, 12)).youthUnion().build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void the_youth_union_introduces_an_applicant_who_turned_30_on_the_day_of_the_resolution() {
            var facts = AdmissionFactsBuilder.valid().bornOn(LocalDate.of(1995, 9, 3)).youthUnion().build();

            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void refuses_the_youth_union_route_for_an_applicant_of_30_years_and_one_month() {
            var facts = AdmissionFactsBuilder.valid().bornOn(LocalDate.of(1995, 8, 3)).youthUnion().build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> {
                assertThat(v.field()).isEqualTo("youthUnionIntroduced");
                assertThat(v.message()).contains("30 years and 1 months old").contains("two official members");
            });
        }

        @Test
        void refuses_the_youth_union_route_for_an_applicant_of_45() {
            var facts = AdmissionFactsBuilder.valid().bornOn(LocalDate.of(1980, 4, 12)).youthUnion().build();

            assertThat(check(rule, facts)).hasValueSatisfying(v -> assertThat(v.field())
                    .isEqualTo("youthUnionIntroduced"));
        }

        @Test
        void an_applicant_of_45_introduced_by_two_official_members_is_not_concerned() {
            var facts = AdmissionFactsBuilder.valid().bornOn(LocalDate.of(1980, 4, 12)).build();

            assertThat(check(rule, facts)).isEmpty();
        }
    }

    @Nested
    class TwoThirdsVote {
        private final AdmissionRules.TwoThirdsVote rule = new AdmissionRules.TwoThirdsVote("QĐ 294-QĐ/TW, điểm 9.3.2");

        @Test
        void counts_two_thirds_of_the_official_members_less_those_away_and_the_exempted_absent() {
            // base 12 - 1 - 2 = 9; two thirds of 9 is 6
            assertThat(check(rule, AdmissionFactsBuilder.valid().vote(new Vote(12, 1, 2, 6)).build())).isEmpty();
            assertThat(check(rule, AdmissionFactsBuilder.valid().vote(new Vote(12, 1, 2, 5)).build()))
                    .hasValueSatisfying(v -> {
                        assertThat(v.field()).isEqualTo("vote.inFavour");
                        assertThat(v.message()).contains("5 of 9");
                    });
        }

        @Test
        void rejects_more_votes_in_favour_than_members_who_count() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().vote(new Vote(5, 1, 0, 5)).build())).isPresent();
        }

        @Test
        void rejects_a_vote_with_nobody_counting() {
            assertThat(check(rule, AdmissionFactsBuilder.valid().vote(new Vote(2, 2, 0, 0)).build()))
                    .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("vote.officialMembers"));
        }
    }

    @Nested
    class DecisionDeadline {
        private final AdmissionRules.DecisionDeadline rule =
                new AdmissionRules.DecisionDeadline(REGULATIONS, CALENDAR, "QĐ 294-QĐ/TW, điểm 4.1");

        @Test
        void accepts_a_decision_on_the_sixtieth_working_day_and_rejects_one_on_the_next() {
            LocalDate sixtieth = CALENDAR.plusWorkingDays(AdmissionFactsBuilder.RESOLUTION, 60);
            LocalDate after = CALENDAR.plusWorkingDays(sixtieth, 1);

            assertThat(check(rule, AdmissionFactsBuilder.valid().decidedOn(sixtieth).build())).isEmpty();
            assertThat(check(rule, AdmissionFactsBuilder.valid().decidedOn(after).build()))
                    .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("decisionDate"));
        }

        @Test
        void allows_thirty_working_days_more_in_a_special_case() {
            LocalDate ninetieth = CALENDAR.plusWorkingDays(AdmissionFactsBuilder.RESOLUTION, 90);

            assertThat(check(rule, AdmissionFactsBuilder.valid().decidedOn(ninetieth).specialCase().build())).isEmpty();
            assertThat(check(rule, AdmissionFactsBuilder.valid().decidedOn(ninetieth).build())).isPresent();
        }

        @Test
        void counts_working_days_so_tet_does_not_eat_into_the_deadline() {
            // a resolution just before Tết 2025 (25/01–02/02): 60 calendar days would end mid-March; 60 working
            // days end later because the nine days of Tết and the weekends do not count
            LocalDate resolution = LocalDate.of(2025, 1, 20);
            LocalDate lateMarch = LocalDate.of(2025, 4, 10);
            var facts = AdmissionFactsBuilder.valid().resolvedOn(resolution).decidedOn(lateMarch)
                    .certificate(new AwarenessCertificate("NT", LocalDate.of(2024, 5, 2)))
                    .introducers(new IntroducerFacts("m-1", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL),
                            new IntroducerFacts("m-2", LocalDate.of(2022, 1, 1), MemberStatus.OFFICIAL))
                    .build();

            assertThat(CALENDAR.workingDaysBetween(resolution, lateMarch)).isLessThanOrEqualTo(60);
            assertThat(check(rule, facts)).isEmpty();
        }

        @Test
        void rejects_a_decision_before_the_cells_resolution() {
            assertThat(check(rule, AdmissionFactsBuilder.valid()
                    .decidedOn(AdmissionFactsBuilder.RESOLUTION.minusDays(1)).build())).isPresent();
        }
    }
}
