package kz.region715.dsr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of the code (STYLE.md), checked. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kz.region715.dsr");
    }

    @Test
    void domainHasNoFrameworkCode() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.vertx..", "com.fasterxml..", "org.jboss..", "io.smallrye..")
                .check(classes);
    }

    @Test
    void platformDoesNotKnowTheCapabilities() {
        noClasses().that().resideInAPackage("kz.region715.dsr.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("kz.region715.dsr.request..",
                        "kz.region715.dsr.verification..", "kz.region715.dsr.notification..")
                .check(classes);
    }

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("kz.region715.dsr.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void resourcesAreThin() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(classes);
    }
}
