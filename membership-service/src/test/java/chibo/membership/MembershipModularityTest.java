package chibo.membership;

import chibo.testsupport.ServiceBoundaries;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of membership-service (docs/STYLE: package by feature, the domain is plain Java, no business logic
 * in controllers), kept by the build rather than by review. The feature packages stand on {@code rules} (the rule
 * sets and their vocabulary), {@code organization} (the tree) and {@code member} (the member, the decision path and
 * what new memberships share); none of those three depends on a feature.
 */
@AnalyzeClasses(packages = "chibo.membership", importOptions = ImportOption.DoNotIncludeTests.class)
class MembershipModularityTest {

    /** The folds, rules and value types the features decide with, beside the *Rules and *Facts classes. */
    private static final List<String> DOMAIN_CLASSES = List.of(
            "chibo.membership.PartyRuleBook",
            "chibo.membership.rules.Ages", "chibo.membership.rules.CalendarRange", "chibo.membership.rules.Command",
            "chibo.membership.rules.Ids", "chibo.membership.rules.RuleBook", "chibo.membership.rules.RuleSet",
            "chibo.membership.member.MemberState", "chibo.membership.member.MemberLifecycle",
            "chibo.membership.member.EffectiveOrder", "chibo.membership.member.Transitions",
            "chibo.membership.organization.Organization", "chibo.membership.organization.EmptyBeforeDissolution",
            "chibo.membership.organization.ExistedOnDate", "chibo.membership.organization.MemberPlacement",
            "chibo.membership.standing.ExcellentCap", "chibo.membership.standing.ExcellentShare",
            "chibo.membership.review.ReviewOpenings", "chibo.membership.duelist.DueItems");

    private static final DescribedPredicate<JavaClass> RULES = ServiceBoundaries.rulesAndFacts("chibo.membership")
            .or(DescribedPredicate.describe("the rule sets", type -> List.of("chibo.membership.rules.RuleSet",
                    "chibo.membership.rules.RuleBook").contains(ServiceBoundaries.topLevel(type).getName())));

    private static final DescribedPredicate<JavaClass> DOMAIN = ServiceBoundaries.rulesAndFacts("chibo.membership")
            .or(DescribedPredicate.describe("the folds and value types",
                    type -> DOMAIN_CLASSES.contains(ServiceBoundaries.topLevel(type).getName())));

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_each_other_in_a_cycle =
            ServiceBoundaries.featurePackagesFreeOfCycles("chibo.membership");

    @ArchTest
    static final ArchRule the_shared_kernel_depends_on_no_feature = noClasses()
            .that().resideInAnyPackage("chibo.membership.rules..", "chibo.membership.organization..",
                    "chibo.membership.member..")
            .should().dependOnClassesThat().resideInAnyPackage("chibo.membership.admission..",
                    "chibo.membership.readmission..", "chibo.membership.enrolment..", "chibo.membership.probation..",
                    "chibo.membership.transfer..", "chibo.membership.leaving..", "chibo.membership.standing..",
                    "chibo.membership.review..", "chibo.membership.correction..", "chibo.membership.bulk..",
                    "chibo.membership.duelist..", "chibo.membership.history..",
                    "chibo.membership.residence..");

    /** What every feature may name: the rule sets' vocabulary and the member's shared request parts. */
    private static final List<String> KERNEL = List.of("rules", "member");

    private static final DescribedPredicate<JavaClass> REQUESTS = DescribedPredicate.describe("request bodies",
            type -> ServiceBoundaries.topLevel(type).getSimpleName().endsWith("Request")
                    || ServiceBoundaries.topLevel(type).getSimpleName().endsWith("Requests"));

    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring("chibo.membership".length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }

    @ArchTest
    static final ArchRule requests_name_no_other_features_types = classes().that(REQUESTS)
            .should(new ArchCondition<>("name no other feature's types") {
                @Override
                public void check(JavaClass request, ConditionEvents events) {
                    request.getDirectDependenciesFromSelf().stream()
                            .filter(d -> d.getTargetClass().getPackageName().startsWith("chibo.membership."))
                            .filter(d -> !feature(d.getTargetClass()).equals(feature(request))
                                    && !KERNEL.contains(feature(d.getTargetClass())))
                            .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                }
            });

    @ArchTest
    static final ArchRule the_domain_is_plain_java = ServiceBoundaries.plainJava(DOMAIN);

    @ArchTest
    static final ArchRule controllers_check_no_rules = ServiceBoundaries.controllersCheckNo(RULES);

    @ArchTest
    static final ArchRule controllers_record_no_events = ServiceBoundaries.controllersRecordNoEvents();

    /**
     * The member endpoints' plumbing is {@code MemberEndpoints}': the If-Match read into a version, the ETag of a
     * member and the 201 of a new one are written in the member package only.
     */
    @ArchTest
    static final ArchRule a_members_version_is_read_and_answered_in_one_place = noClasses()
            .that().resideOutsideOfPackage("chibo.membership.member..")
            .should().callMethod("chibo.membership.member.Versions", "etag", "long")
            .orShould().callMethod("chibo.membership.member.Versions", "fromIfMatch", "java.lang.String");
}
