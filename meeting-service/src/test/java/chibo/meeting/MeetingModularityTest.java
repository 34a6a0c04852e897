package chibo.meeting;

import chibo.contracts.EventDraft;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of meeting-service (docs/STYLE: package by feature, the domain is plain Java, no business logic in
 * controllers), kept by the build rather than by review.
 */
@AnalyzeClasses(packages = "chibo.meeting", importOptions = ImportOption.DoNotIncludeTests.class)
class MeetingModularityTest {

    /** Packages that are domain through and through: the cell's meeting record, absence, meeting quality. */
    private static final List<String> DOMAIN_PACKAGES = List.of("chibo.meeting.cell", "chibo.meeting.absence",
            "chibo.meeting.quality");

    /** The rules and folds that share a feature's package with its controller, scheduler or store. */
    private static final List<String> DOMAIN_CLASSES = List.of(
            "chibo.meeting.compliance.Compliance", "chibo.meeting.compliance.ComplianceWindows",
            "chibo.meeting.compliance.MeetingDuty",
            "chibo.meeting.rating.CellRatingRules", "chibo.meeting.rating.CellRatingFacts",
            "chibo.meeting.roster.CellRoster", "chibo.meeting.roster.RosterTimeline",
            "chibo.meeting.roster.RosterMember", "chibo.meeting.roster.RosterFact", "chibo.meeting.roster.Presence",
            "chibo.meeting.roster.Stint");

    /** Typed configuration is Spring's by design ({@code @ConfigurationProperties} records), so it is not domain. */
    private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("domain classes",
            type -> !configuration(type)
                    && (DOMAIN_PACKAGES.stream().anyMatch(p -> type.getPackageName().equals(p))
                    || DOMAIN_CLASSES.stream().anyMatch(name -> type.getName().equals(name)
                    || type.getName().startsWith(name + "$"))));

    private static boolean configuration(JavaClass type) {
        return type.isAnnotatedWith(ConfigurationProperties.class)
                || type.getEnclosingClass().map(MeetingModularityTest::configuration).orElse(false);
    }

    private static final DescribedPredicate<JavaClass> RULES = DescribedPredicate.describe(
            "rules or the facts they check", type -> type.getPackageName().startsWith("chibo.platform.rules")
                    || type.getSimpleName().endsWith("Rules") || type.getSimpleName().endsWith("Facts"));

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_each_other_in_a_cycle = slices()
            .matching("chibo.meeting.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_domain_is_plain_java = noClasses().that(DOMAIN).should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule controllers_check_no_rules = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat(RULES);

    @ArchTest
    static final ArchRule controllers_record_no_events = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(EventDraft.class);

    @ArchTest
    static final ArchRule the_duty_status_is_worked_out_in_the_domain = noClasses()
            .that().areAnnotatedWith(RestController.class).should().dependOnClassesThat()
            .haveFullyQualifiedName("chibo.contracts.meeting.BreachKind");
}
