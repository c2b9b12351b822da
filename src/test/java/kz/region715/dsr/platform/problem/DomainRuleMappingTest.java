package kz.region715.dsr.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.domain.DomainRuleViolation.FieldError;
import kz.region715.dsr.platform.domain.DomainRuleViolation.Kind;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/**
 * How the one problem mapper answers each kind of domain rule violation, and that the kinds services throw instead of
 * HTTP problems answer exactly as those problems did: status, body and headers.
 */
class DomainRuleMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemMappers mappers = new ProblemMappers(null, null, null);

    @Test
    void eachKindHasItsStatusAndTitle() {
        Map<Kind, Integer> statuses = new EnumMap<>(Map.of(Kind.INVALID, 400, Kind.NOT_FOUND, 404,
                Kind.CONFLICT, 409, Kind.GONE, 410, Kind.STALE_VERSION, 412, Kind.UNPROCESSABLE, 422,
                Kind.VERSION_REQUIRED, 428, Kind.TOO_MANY, 429));
        assertThat(statuses.keySet()).containsExactly(Kind.values());
        statuses.forEach((kind, status) -> {
            RestResponse<Problem> response = mappers.domainRule(new DomainRuleViolation(kind, "some-rule", "Why."),
                    null);
            assertThat(response.getStatus()).as(kind.name()).isEqualTo(status);
            assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
            Problem problem = response.getEntity();
            assertThat(problem.status).isEqualTo(status);
            assertThat(problem.type.toString()).isEqualTo(Problem.TYPE_BASE + "some-rule");
            assertThat(problem.title).isEqualTo(ProblemMappers.title(kind)).isNotBlank();
            assertThat(problem.detail).isEqualTo("Why.");
            assertThat(problem.errors).isNull();
            assertThat(problem.extensions()).isEmpty();
        });
    }

    @Test
    void aTitleOfItsOwnAndFactsAndFieldErrorsReachTheBody() {
        Problem problem = mappers.domainRule(new DomainRuleViolation(Kind.UNPROCESSABLE, "corrections-invalid",
                "The corrections cannot be applied", "1 new value(s) would not be valid.",
                List.of(new FieldError("corrections[0].newValue", "must be a valid phone number")),
                Map.of("attemptsLeft", 2)), null).getEntity();
        assertThat(problem.title).isEqualTo("The corrections cannot be applied");
        assertThat(problem.errors).containsExactly(
                new Problem.FieldError("corrections[0].newValue", "must be a valid phone number"));
        assertThat(problem.extensions()).containsExactly(Map.entry("attemptsLeft", 2));
    }

    @Test
    void notFoundAnswersAsTheHttpProblemDid() throws Exception {
        assertSameAnswer(DomainRuleViolation.notFound("No such case."),
                new ProblemException(404, "not-found", "Not found", "No such case."));
    }

    @Test
    void anInvalidFieldAnswersAsTheHttpProblemDid() throws Exception {
        assertSameAnswer(DomainRuleViolation.invalidField("until", "must be in the future"),
                ProblemException.invalidField("until", "must be in the future"));
    }

    @Test
    void aStaleVersionAnswers412WithTheCurrentEtag() throws Exception {
        Map<String, Object> current = Map.of("currentEtag", "\"3\"", "currentStatus", "IN_REVIEW");
        assertSameAnswer(new DomainRuleViolation(Kind.STALE_VERSION, "precondition-failed", "The case has changed",
                        "The case was changed since you read it; read it again and retry.", List.of(), current),
                new ProblemException(412, "precondition-failed", "The case has changed",
                        "The case was changed since you read it; read it again and retry.", List.of(), current,
                        Map.of()));
    }

    @Test
    void aMissingVersionAnswers428() throws Exception {
        assertSameAnswer(new DomainRuleViolation(Kind.VERSION_REQUIRED, "precondition-required",
                        "Send the case's current ETag in If-Match; read the case to get it."),
                new ProblemException(428, "precondition-required", "If-Match required",
                        "Send the case's current ETag in If-Match; read the case to get it."));
    }

    @Test
    void invalidCorrectionsAnswer422WithTheirErrors() throws Exception {
        String detail = "2 new value(s) would not be valid in the lead store; approve with corrected values in"
                + " `corrections`.";
        assertSameAnswer(new DomainRuleViolation(Kind.UNPROCESSABLE, "corrections-invalid",
                        "The corrections cannot be applied", detail,
                        List.of(new FieldError("corrections[0].newValue", "must be a valid phone number"),
                                new FieldError("corrections[1].newValue", "must be at most 200 characters")),
                        Map.of()),
                new ProblemException(422, "corrections-invalid", "The corrections cannot be applied", detail,
                        List.of(new Problem.FieldError("corrections[0].newValue", "must be a valid phone number"),
                                new Problem.FieldError("corrections[1].newValue", "must be at most 200 characters")),
                        Map.of(), Map.of()));
    }

    @Test
    void tooManyWithAWaitAnswers429WithRetryAfter() throws Exception {
        RestResponse<Problem> response = assertSameAnswer(new DomainRuleViolation(Kind.TOO_MANY, "rate-limited",
                        "Too many requests", "Too many requests; try again in 42 seconds.", List.of(),
                        Map.of("retryAfterSeconds", 42L)),
                new ProblemException(429, "rate-limited", "Too many requests",
                        "Too many requests; try again in 42 seconds.", List.of(), Map.of("retryAfterSeconds", 42L),
                        Map.of("Retry-After", "42")));
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("42");
    }

    /** The same status, body (to the byte) and headers as the HTTP problem the service used to throw. */
    private RestResponse<Problem> assertSameAnswer(DomainRuleViolation domain, ProblemException http)
            throws Exception {
        RestResponse<Problem> expected = mappers.problem(http, null);
        RestResponse<Problem> actual = mappers.domainRule(domain, null);
        assertThat(actual.getStatus()).isEqualTo(expected.getStatus());
        assertThat(JSON.writeValueAsString(actual.getEntity())).isEqualTo(JSON.writeValueAsString(expected.getEntity()));
        assertThat(actual.getStringHeaders()).isEqualTo(expected.getStringHeaders());
        return actual;
    }
}
