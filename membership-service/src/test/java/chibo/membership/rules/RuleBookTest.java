package chibo.membership.rules;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.PartyRuleBook;
import chibo.membership.admission.AdmissionFactsBuilder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBookTest {

    private final RuleBook book = PartyRuleBook.create(Regulations.DEFAULTS, WorkingDayCalendar.vietnam());

    @Test
    void the_same_admission_by_a_district_committee_stands_on_30_june_2025_and_not_on_1_july() {
        LocalDate lastDay = LocalDate.of(2025, 6, 30);
        LocalDate firstDay = LocalDate.of(2025, 7, 1);
        var before = AdmissionFactsBuilder.valid().resolvedOn(LocalDate.of(2025, 6, 2)).decidedOn(lastDay)
                .decidedBy(OrgLevel.DISTRICT).build();
        var after = AdmissionFactsBuilder.valid().resolvedOn(LocalDate.of(2025, 6, 2)).decidedOn(firstDay)
                .decidedBy(OrgLevel.DISTRICT).build();

        RuleSet qd24 = book.inForceOn(lastDay);
        RuleSet qd294 = book.inForceOn(firstDay);

        assertThat(qd24.name()).contains("QĐ 24-QĐ/TW");
        assertThat(qd294.name()).contains("QĐ 294-QĐ/TW");
        assertThat(qd24.check(Command.ADMISSION, before)).isEmpty();
        assertThat(qd294.check(Command.ADMISSION, after)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("decision.no-district-level");
            assertThat(v.source()).contains("QĐ 294-QĐ/TW");
        });
    }

    @Test
    void rules_cite_the_regulation_in_force_on_the_effective_date() {
        var facts = AdmissionFactsBuilder.valid().bornOn(LocalDate.of(2010, 1, 1)).build();

        assertThat(book.inForceOn(LocalDate.of(2024, 3, 1)).check(Command.ADMISSION, facts))
                .anySatisfy(v -> assertThat(v.source()).contains("QĐ 24-QĐ/TW, điểm 3.1"));
        assertThat(book.inForceOn(LocalDate.of(2025, 9, 1)).check(Command.ADMISSION, facts))
                .anySatisfy(v -> assertThat(v.source()).contains("QĐ 294-QĐ/TW, điểm 3.1"));
    }

    @Test
    void ratings_follow_qd_124_until_30_august_2025_and_qd_366_after() {
        assertThat(book.inForceOn(LocalDate.of(2025, 8, 29)).name()).contains("QĐ 124-QĐ/TW");
        assertThat(book.inForceOn(LocalDate.of(2025, 8, 30)).name()).contains("QĐ 366-QĐ/TW");
    }

    @Test
    void every_rule_set_has_rules_for_every_command_and_every_rule_names_its_source() {
        for (RuleSet set : book.sets()) {
            for (Command command : Command.values()) {
                assertThat(set.rulesFor(command)).as(set.id() + " " + command).isNotEmpty();
                assertThat(set.<Object>rulesFor(command)).allSatisfy(rule -> {
                    assertThat(rule.id()).matches("[a-z]+\\.[a-z-]+");
                    assertThat(rule.source()).isNotBlank();
                });
            }
        }
    }

    @Test
    void the_sets_cover_every_date_without_overlap() {
        for (LocalDate date : Arrays.asList(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 8, 29), LocalDate.of(2025, 8, 30),
                LocalDate.of(2030, 12, 31))) {
            assertThat(book.sets().stream().filter(set -> set.inForceOn(date)).count()).as(date.toString())
                    .isEqualTo(1);
        }
    }
}
