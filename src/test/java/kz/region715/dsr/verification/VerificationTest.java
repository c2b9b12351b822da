package kz.region715.dsr.verification;

import static kz.region715.dsr.support.Cases.load;
import static kz.region715.dsr.support.Subjects.access;
import static kz.region715.dsr.support.Subjects.newEmail;
import static kz.region715.dsr.support.Subjects.resend;
import static kz.region715.dsr.support.Subjects.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VerificationTest {

    private static final String PROBLEMS = "https://dsr.region715.kz/problems/";

    @Inject
    Subjects subjects;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    @Test
    void theCodeVerifiesTheRequestAndAnAcknowledgementFollows() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        Subjects.Secrets secrets = subjects.verificationSecrets(email);

        verify(id, Map.of("code", secrets.code())).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(id))
                .body("status", equalTo("OPEN"))
                .body("verifiedAt", notNullValue());

        SubjectRequest request = load(id);
        assertThat(request.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(request.verifiedAt()).isNotNull();
        assertThat(request.accessTokenHash()).isNotBlank();

        Mail ack = subjects.lastMailTo(email);
        assertThat(ack.getSubject()).isEqualTo("We have registered your request " + request.reference());
        assertThat(ack.getText()).contains("http://localhost:8081/status?lang=en#request=" + id + "&token=");
        String token = subjects.accessToken(email);
        assertThat(request.accessTokenHash()).isNotEqualTo(token).doesNotContain(token);
    }

    @Test
    void theLinkTokenVerifiesTheRequest() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        Subjects.Secrets secrets = subjects.verificationSecrets(email);
        assertThat(secrets.requestId()).isEqualTo(id);
        // At least 128 bits: 256 random bits in URL-safe base64 are 43 characters.
        assertThat(secrets.token()).hasSizeGreaterThanOrEqualTo(22);

        verify(id, Map.of("token", secrets.token())).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void secretsAreStoredOnlyAsHashes() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        Subjects.Secrets secrets = subjects.verificationSecrets(email);
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select token_hash, code_hash from verification_challenge where request_id = ?1")
                .setParameter(1, UUID.fromString(id)).getResultList());
        assertThat(rows).hasSize(1);
        assertThat((String) rows.getFirst()[0]).hasSize(64).isNotEqualTo(secrets.token());
        assertThat((String) rows.getFirst()[1]).hasSize(64).doesNotContain(secrets.code());
    }

    @Test
    void aLinkAndACodeWorkOnlyOnce() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        Subjects.Secrets secrets = subjects.verificationSecrets(email);
        verify(id, Map.of("token", secrets.token())).then().statusCode(200);

        verify(id, Map.of("token", secrets.token())).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-verified"))
                .body("currentStatus", equalTo("OPEN"));
        verify(id, Map.of("code", secrets.code())).then().statusCode(409);
        resend(id).then().statusCode(409);
    }

    @Test
    void wrongAttemptsAreCountedAndTheFifthLocksUntilAResend() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        Subjects.Secrets secrets = subjects.verificationSecrets(email);
        String wrong = secrets.code().equals("000000") ? "111111" : "000000";

        for (int left = 4; left >= 0; left--) {
            verify(id, Map.of("code", wrong)).then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "verification-failed"))
                    .body("attemptsLeft", equalTo(left));
        }
        // Even the right code no longer works: a new e-mail is needed.
        verify(id, Map.of("code", secrets.code())).then().statusCode(429)
                .body("type", equalTo(PROBLEMS + "verification-locked"));
        verify(id, Map.of("token", secrets.token())).then().statusCode(429);
        assertThat(load(id).status()).isEqualTo(RequestStatus.PENDING_VERIFICATION);

        resend(id).then().statusCode(202);
        Subjects.Secrets fresh = subjects.verificationSecrets(email);
        verify(id, Map.of("code", fresh.code())).then().statusCode(200);
    }

    @Test
    void aResendReplacesTheEarlierLinkAndCode() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        Subjects.Secrets first = subjects.verificationSecrets(email);

        resend(id).then()
                .statusCode(202)
                .body("resendsLeftThisHour", equalTo(2))
                .body("linkExpiresAt", notNullValue())
                .body("codeExpiresAt", notNullValue());
        Subjects.Secrets second = subjects.verificationSecrets(email);
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(subjects.mailTo(email)).hasSize(2);

        verify(id, Map.of("token", first.token())).then().statusCode(422);
        verify(id, Map.of("token", second.token())).then().statusCode(200);
    }

    @Test
    void atMostThreeResendsAnHour() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        for (int i = 0; i < 3; i++) {
            resend(id).then().statusCode(202);
            clock.advance(Duration.ofMinutes(10));
        }
        String retryAfter = resend(id).then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "resend-limit"))
                .extract().header("Retry-After");
        // The first resend was 30 minutes ago: it leaves the window in about 30 minutes.
        assertThat(Long.parseLong(retryAfter)).isBetween(29 * 60L, 30 * 60L);
        assertThat(subjects.mailTo(email)).hasSize(4);

        clock.advance(Duration.ofMinutes(31));
        resend(id).then().statusCode(202);
    }

    @Test
    void theCodeExpiresAfterThirtyMinutesAndTheLinkAfterADay() {
        String email = newEmail();
        String id = Subjects.fileOk(access(email));
        Subjects.Secrets secrets = subjects.verificationSecrets(email);

        clock.advance(Duration.ofMinutes(31));
        verify(id, Map.of("code", secrets.code())).then()
                .statusCode(410)
                .body("type", equalTo(PROBLEMS + "verification-expired"))
                .body("resendAvailable", equalTo(true));

        clock.advance(Duration.ofHours(24));
        verify(id, Map.of("token", secrets.token())).then().statusCode(410);

        String email2 = newEmail();
        String id2 = Subjects.fileOk(access(email2));
        Subjects.Secrets secrets2 = subjects.verificationSecrets(email2);
        clock.advance(Duration.ofHours(23));
        verify(id2, Map.of("token", secrets2.token())).then().statusCode(200);
    }

    @Test
    void proofMustBeExactlyOneWellFormedTokenOrCode() {
        String id = Subjects.fileOk(access(newEmail()));
        verify(id, Map.of()).then().statusCode(400).contentType("application/problem+json");
        verify(id, Map.of("token", "abc", "code", "123456")).then().statusCode(400);
        verify(id, Map.of("code", "12345")).then().statusCode(400).body("errors[0].field", equalTo("code"));
        verify(id, Map.of("code", "12345a")).then().statusCode(400);
        verify(id, Map.of("token", "not a token!")).then().statusCode(400).body("errors[0].field", equalTo("token"));
        verify(id, Map.of("token", "t".repeat(101))).then().statusCode(400);
        assertThat(load(id).status()).isEqualTo(RequestStatus.PENDING_VERIFICATION);
    }

    @Test
    void unknownRequestsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        verify(unknown, Map.of("code", "123456")).then().statusCode(404).contentType("application/problem+json");
        resend(unknown).then().statusCode(404);
    }
}
