package kz.region715.dsr;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.region715.dsr.platform.problem.Problem;
import kz.region715.dsr.platform.problem.ProblemException;
import kz.region715.dsr.platform.problem.Problems;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
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

    private static final String REQUEST = "kz.region715.dsr.request..";

    /** Other capabilities ask the request capability through SubjectRequestRepository's own, named methods. */
    @Test
    void onlyRequestQueriesItsTable() {
        noClasses().that().resideOutsideOfPackage(REQUEST)
                .should().accessTargetWhere(inheritedFromPanache())
                .because("other capabilities use SubjectRequestRepository's named queries, not Panache's generic ones"
                        + " (findById, find, list, count, stream, getEntityManager...)")
                .check(classes);
    }

    /** A class literal of the entity is how a query or an EntityManager lookup names it (find, createQuery...). */
    @Test
    void onlyRequestNamesTheEntityInQueries() {
        classes().that().resideOutsideOfPackage(REQUEST)
                .should(notReferenceTheClassObjectOf(SubjectRequest.class))
                .because("only the request capability queries its entity")
                .check(classes);
    }

    /** What ArchUnit cannot see: the table or the entity named in the text of a query outside the request package. */
    @Test
    void noQueryTextOutsideRequestNamesItsTable() throws IOException {
        assertThat(queriesNamingSubjectRequest(Path.of("src/main/java"))).isEmpty();
    }

    private static final Pattern CHAR_LITERAL =
            Pattern.compile("'(?:[^'\\\\\n]|\\\\(?:u+[0-9a-fA-F]{4}|[0-7]{1,3}|.))'");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\\n]|\\\\.)*\"");
    private static final Pattern NAMES_THE_TABLE = Pattern.compile("(?i)\\bsubject_request\\b|\\bSubjectRequest\\b");

    /** Each string literal (in files outside the request package) that names subject_request or SubjectRequest. */
    static List<String> queriesNamingSubjectRequest(Path sources) throws IOException {
        Path request = sources.resolve("kz/region715/dsr/request");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(request)).toList()) {
                String code = CHAR_LITERAL.matcher(Files.readString(file)).replaceAll("' '");
                Matcher literal = STRING_LITERAL.matcher(code);
                while (literal.find()) {
                    if (NAMES_THE_TABLE.matcher(literal.group()).find()) {
                        found.add(sources.relativize(file) + ": " + literal.group());
                    }
                }
            }
        }
        return found;
    }

    private static DescribedPredicate<JavaAccess<?>> inheritedFromPanache() {
        return DescribedPredicate.describe("a method SubjectRequestRepository does not declare itself",
                access -> access.getTarget().getOwner().isEquivalentTo(SubjectRequestRepository.class)
                        && access.getTarget().resolveMember()
                                .map(member -> !member.getOwner().isEquivalentTo(SubjectRequestRepository.class))
                                .orElse(true));
    }

    private static ArchCondition<JavaClass> notReferenceTheClassObjectOf(Class<?> type) {
        return new ArchCondition<>("not reference " + type.getSimpleName() + ".class") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (ReferencedClassObject reference : javaClass.getReferencedClassObjects()) {
                    if (reference.getValue().isEquivalentTo(type)) {
                        events.add(SimpleConditionEvent.violated(reference, javaClass.getName() + " references "
                                + type.getSimpleName() + ".class in " + reference.getSourceCodeLocation()));
                    }
                }
            }
        };
    }
}
