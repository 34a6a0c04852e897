package chibo.meeting;

import chibo.testsupport.ServiceBoundaries;
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
    private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("domain classes", type -> {
        JavaClass outer = ServiceBoundaries.topLevel(type);
        return !outer.isAnnotatedWith(ConfigurationProperties.class)
                && (DOMAIN_PACKAGES.contains(type.getPackageName()) || DOMAIN_CLASSES.contains(outer.getName()));
    });

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_each_other_in_a_cycle =
            ServiceBoundaries.featurePackagesFreeOfCycles("chibo.meeting");

    @ArchTest
    static final ArchRule the_domain_is_plain_java = ServiceBoundaries.plainJava(DOMAIN);

    @ArchTest
    static final ArchRule controllers_check_no_rules =
            ServiceBoundaries.controllersCheckNo(ServiceBoundaries.rulesAndFacts("chibo.meeting"));

    @ArchTest
    static final ArchRule controllers_record_no_events = ServiceBoundaries.controllersRecordNoEvents();

    @ArchTest
    static final ArchRule the_duty_status_is_worked_out_in_the_domain = noClasses()
            .that().areAnnotatedWith(RestController.class).should().dependOnClassesThat()
            .haveFullyQualifiedName("chibo.contracts.meeting.BreachKind");
}
