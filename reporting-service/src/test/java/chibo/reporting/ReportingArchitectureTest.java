package chibo.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rooms of reporting-service and what may lean on what: {@code figures} is plain Java that leans on no other
 * room, {@code topology} runs it in Kafka Streams, {@code versions} runs the topology as projection versions and
 * stores what it counts, and the rooms that answer requests ({@code query}, {@code versions}, {@code audit},
 * {@code deadletters}, {@code search}) hold the controllers.
 */
@AnalyzeClasses(packages = "chibo.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportingArchitectureTest {

    @ArchTest
    static final ArchRule rooms_do_not_depend_on_each_other_in_a_circle = slices()
            .matching("chibo.reporting.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule figures_are_plain_java = noClasses().that().resideInAPackage("chibo.reporting.figures..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule figures_lean_on_no_other_room = noClasses()
            .that().resideInAPackage("chibo.reporting.figures..")
            .should().dependOnClassesThat(are(resideInAPackage("chibo.reporting..")
                    .and(not(resideInAPackage("chibo.reporting.figures..")))));

    @ArchTest
    static final ArchRule the_topology_is_kafka_streams_without_spring_or_mongodb = noClasses()
            .that().resideInAPackage("chibo.reporting.topology..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..");

    @ArchTest
    static final ArchRule the_topology_leans_only_on_figures = noClasses()
            .that().resideInAPackage("chibo.reporting.topology..")
            .should().dependOnClassesThat(are(resideInAPackage("chibo.reporting..")
                    .and(not(resideInAnyPackage("chibo.reporting.figures..", "chibo.reporting.topology..")))));

    @ArchTest
    static final ArchRule controllers_live_in_the_rooms_that_answer_requests = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAnyPackage("chibo.reporting.query..", "chibo.reporting.versions..",
                    "chibo.reporting.audit..", "chibo.reporting.deadletters..", "chibo.reporting.search..");

    @ArchTest
    static final ArchRule controllers_ask_and_do_not_fold_or_store = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("chibo.reporting.topology..", "org.apache.kafka..",
                    "com.mongodb..");
}
