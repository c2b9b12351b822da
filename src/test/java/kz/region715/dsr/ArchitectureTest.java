package kz.region715.dsr;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.problem.ProblemException;
import kz.region715.dsr.platform.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of the code (STYLE.md), checked. */
class ArchitectureTest {

    /** Every top-level package but {@code platform}: audit, casework, deadline, execution, lead, request… */
    private static final DescribedPredicate<JavaClass> CAPABILITIES = resideInAPackage("kz.region715.dsr..")
            .and(not(resideInAnyPackage("kz.region715.dsr", "kz.region715.dsr.platform..")))
            .as("a capability package");

    /**
     * The HTTP edge of a capability: its resources (named so, or with {@code @Path}) and what they nest, and exception
     * mappers. Everything else answers in domain terms ({@code DomainRuleViolation}).
     */
    private static final DescribedPredicate<JavaClass> HTTP_EDGE = DescribedPredicate.describe("the HTTP edge",
            ArchitectureTest::isHttpEdge);

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
                .should().dependOnClassesThat(CAPABILITIES)
                .check(classes);
    }

    @Test
    void noHttpInServices() {
        noClasses().that(CAPABILITIES.and(not(HTTP_EDGE)))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .orShould().dependOnClassesThat(belongToAnyOf(ProblemException.class, Problem.class, Problems.class))
                .because("services throw DomainRuleViolation kinds; only the edge knows HTTP statuses")
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

    private static boolean isHttpEdge(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getSimpleName().endsWith("Resource") || outer.isAnnotatedWith(jakarta.ws.rs.Path.class)
                || outer.isAssignableTo(jakarta.ws.rs.ext.ExceptionMapper.class)
                || outer.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(ServerExceptionMapper.class));
    }
}
