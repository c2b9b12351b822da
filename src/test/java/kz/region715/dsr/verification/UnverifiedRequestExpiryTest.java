package kz.region715.dsr.verification;

import static kz.region715.dsr.support.Cases.load;
import static kz.region715.dsr.support.Subjects.newEmail;
import static kz.region715.dsr.support.Subjects.resend;
import static kz.region715.dsr.support.Subjects.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.support.Subjects;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnverifiedRequestExpiryTest {

    @Inject
    Subjects subjects;
    @Inject
    TestClock clock;
    @Inject
    UnverifiedRequestExpiry expiry;
    @Inject
    EntityManager em;

    @Test
    void requestsNotVerifiedInSevenDaysExpireAndTheirPersonalDataIsErased() {
        String email = newEmail();
        Map<String, Object> body = new HashMap<>(Map.of("type", "RESTRICTION", "email", email,
                "name", "Aigerim Serikova", "phone", "+7 701 123 45 67",
                "restriction", Map.of("reason", "Please stop calling me.")));
        String expiring = Subjects.fileOk(body);
        subjects.verificationSecrets(email);
        String verifiedEmail = newEmail();
        String kept = subjects.fileAndVerify(Subjects.access(verifiedEmail), verifiedEmail).id();

        clock.advance(Duration.ofDays(6).plusHours(23));
        expiry.run();
        assertThat(load(expiring).status()).isEqualTo(RequestStatus.PENDING_VERIFICATION);

        clock.advance(Duration.ofHours(2));
        BatchResult result = expiry.run();
        assertThat(result.done()).isGreaterThanOrEqualTo(1);
        assertThat(result.failed()).isZero();

        SubjectRequest expired = load(expiring);
        assertThat(expired.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(expired.contact().emailAsGiven()).isNull();
        assertThat(expired.contact().name()).isNull();
        assertThat(expired.contact().phoneE164()).isNull();
        assertThat(expired.detailsJson()).isNull();
        assertThat(expired.subjectKey()).isNull();
        assertThat(expired.personalDataErasedAt()).isNotNull();
        assertThat(expired.reference()).isNotBlank();
        assertThat(load(kept).status()).isEqualTo(RequestStatus.OPEN);
        assertThat(load(kept).contact().emailAsGiven()).isEqualTo(verifiedEmail);

        // No copy of the address or of the message survives in the outbox or the challenges.
        List<Object[]> mail = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select recipient, subject, body_text, body_html, model from outbox_message where request_id = ?1")
                .setParameter(1, UUID.fromString(expiring)).getResultList());
        assertThat(mail).isNotEmpty().allSatisfy(row -> assertThat(row).containsOnlyNulls());
        Number challenges = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from verification_challenge where request_id = ?1")
                .setParameter(1, UUID.fromString(expiring)).getSingleResult());
        assertThat(challenges.intValue()).isZero();

        verify(expiring, Map.of("code", "123456")).then().statusCode(410)
                .body("type", equalTo("https://dsr.region715.kz/problems/request-expired"));
        resend(expiring).then().statusCode(410);
    }

    @Test
    void aSecondRunFindsNothingMore() {
        Subjects.fileOk(Subjects.access(newEmail()));
        clock.advance(Duration.ofDays(8));
        expiry.run();
        assertThat(expiry.run()).isEqualTo(BatchResult.NOTHING);
    }
}
