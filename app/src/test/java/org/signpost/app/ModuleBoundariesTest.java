package org.signpost.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signpost.events.SignpostEvent;
import org.signpost.projection.Projection;
import org.signpost.projection.ReadModel;

/**
 * The Maven modules already keep the sides apart (neither side depends on the other); these
 * rules say so in one place and catch a dependency smuggled in through the all-in-one module.
 */
class ModuleBoundariesTest {

    private static JavaClasses signpost;

    @BeforeAll
    static void importClasses() {
        signpost = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.signpost");
    }

    @Test
    void theQuerySideNeverTouchesTheCommandSide() {
        noClasses().that().resideInAPackage("org.signpost.query..")
                .should().dependOnClassesThat().resideInAPackage("org.signpost.command..")
                .check(signpost);
    }

    @Test
    void theCommandSideNeverReadsProjections() {
        noClasses().that().resideInAPackage("org.signpost.command..")
                .should().dependOnClassesThat().resideInAPackage("org.signpost.query..")
                .check(signpost);
    }

    @Test
    void eventsDependOnNothingOfTheService() {
        noClasses().that().resideInAPackage("org.signpost.events..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.signpost.platform..", "org.signpost.command..", "org.signpost.query..",
                        "org.springframework..")
                .check(signpost);
    }

    /**
     * The staff console is a client of the HTTP API: it knows no aggregate, read model, event,
     * table or any of the service's own classes, so it cannot take a second path to the data.
     */
    @Test
    void theConsoleKnowsOnlyTheHttpApi() {
        noClasses().that().resideInAPackage("org.signpost.console..")
                .should().dependOnClassesThat().resideInAnyPackage("org.signpost.command..", "org.signpost.query..",
                        "org.signpost.events..", "org.signpost.platform..", "org.signpost.app..",
                        "org.axonframework..", "org.springframework.jdbc..", "jakarta.persistence..", "java.sql..")
                .check(signpost);
        noClasses().that().resideOutsideOfPackages("org.signpost.console..", "org.signpost.app")
                .should().dependOnClassesThat().resideInAPackage("org.signpost.console..")
                .check(signpost);
    }

    @Test
    void thePlatformKnowsNeitherSide() {
        noClasses().that().resideInAPackage("org.signpost.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.signpost.command..", "org.signpost.query..")
                .check(signpost);
    }

    /**
     * The projection engine is generic: it knows none of Signpost's events, platform or sides,
     * only Axon, Spring, JDBC and Jackson, and works on the read models it is given.
     */
    @Test
    void theProjectionEngineKnowsNothingOfSignpost() {
        noClasses().that().resideInAPackage("org.signpost.projection..")
                .should().dependOnClassesThat(resideInAPackage("org.signpost..")
                        .and(resideOutsideOfPackage("org.signpost.projection..")))
                .check(signpost);
    }

    /** Every read model, its projection and its declaration, lives outside the engine. */
    @Test
    void theProjectionEngineNamesNoReadModel() {
        classes().that().areAssignableTo(Projection.class).and().doNotHaveFullyQualifiedName(Projection.class.getName())
                .should().resideOutsideOfPackage("org.signpost.projection..")
                .check(signpost);
        noClasses().that().resideInAPackage("org.signpost.projection..")
                .should().callConstructor(ReadModel.class, String.class, List.class)
                .check(signpost);
    }

    @Test
    void eventsAreRecords() {
        classes().that().resideInAPackage("org.signpost.events")
                .and().implement(SignpostEvent.class)
                .should().beRecords()
                .check(signpost);
    }

    @Test
    void aggregatesLiveOnlyOnTheCommandSide() {
        classes().that().areAnnotatedWith(Aggregate.class)
                .should().resideInAPackage("org.signpost.command..")
                .check(signpost);
    }

    /**
     * Each read model's package depends on the shared ones (privacy, web) and on the caseload's
     * queries, never back: the read of personal data, sealed values and who may see a participant
     * live in privacy for that.
     */
    @Test
    void theQuerySidesPackagesAreFreeOfCycles() {
        slices().matching("org.signpost.query.(*)..").should().beFreeOfCycles().check(signpost);
    }
}
