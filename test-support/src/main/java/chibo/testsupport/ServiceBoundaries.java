package chibo.testsupport;

import chibo.contracts.EventDraft;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries every service keeps (docs/STYLE: package by feature, the domain is plain Java, no business logic in
 * controllers), as ArchUnit rules each service's modularity test applies to its own packages and domain.
 */
public final class ServiceBoundaries {

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    private ServiceBoundaries() {
    }

    /** No cycle between the feature packages directly under {@code basePackage}. */
    public static ArchRule featurePackagesFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** The domain classes use no Spring, Kafka, MongoDB or BSON type. */
    public static ArchRule plainJava(DescribedPredicate<JavaClass> domain) {
        return noClasses().that(domain).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..");
    }

    /** Controllers use none of {@code rules}: they hand over to the service that applies them. */
    public static ArchRule controllersCheckNo(DescribedPredicate<JavaClass> rules) {
        return noClasses().that().areAnnotatedWith(REST_CONTROLLER).should().dependOnClassesThat(rules);
    }

    /** Controllers draft no events: deciding what happened is the services' and the domain's. */
    public static ArchRule controllersRecordNoEvents() {
        return noClasses().that().areAnnotatedWith(REST_CONTROLLER).should().dependOnClassesThat()
                .areAssignableTo(EventDraft.class);
    }

    /** The platform's rules, and a service's {@code *Rules} and {@code *Facts} classes (with what they nest). */
    public static DescribedPredicate<JavaClass> rulesAndFacts(String basePackage) {
        return DescribedPredicate.describe("rules or the facts they check",
                type -> type.getPackageName().startsWith("chibo.platform.rules")
                        || type.getPackageName().startsWith(basePackage)
                        && (topLevel(type).getSimpleName().endsWith("Rules")
                        || topLevel(type).getSimpleName().endsWith("Facts")));
    }

    /** The class a nested class is declared in, outermost; the class itself when it is not nested. */
    public static JavaClass topLevel(JavaClass type) {
        return type.getEnclosingClass().map(ServiceBoundaries::topLevel).orElse(type);
    }
}
