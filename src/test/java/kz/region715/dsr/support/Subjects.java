package kz.region715.dsr.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.region715.dsr.notification.OutboxSender;

/** What a data subject does in tests: file, read the e-mail, verify. */
@ApplicationScoped
public class Subjects {

    private static final Pattern TOKEN = Pattern.compile("#request=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final MockMailbox mailbox;
    private final OutboxSender sender;
    private final EntityManager em;

    Subjects(MockMailbox mailbox, OutboxSender sender, EntityManager em) {
        this.mailbox = mailbox;
        this.sender = sender;
        this.em = em;
    }

    /** A unique address per test, so tests never see each other's mail. */
    public static String newEmail() {
        return "subject-" + UUID.randomUUID() + "@example.kz";
    }

    public static Map<String, Object> access(String email) {
        return Map.of("type", "ACCESS", "email", email, "name", "Aigerim Serikova", "locale", "en");
    }

    public static Response file(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/requests");
    }

    /** Files a request and returns its id. */
    public static String fileOk(Object body) {
        return file(body).then().statusCode(202).extract().path("id");
    }

    /** Runs the outbox sender and returns the mails now in the test mailbox for {@code email}. */
    public List<Mail> mailTo(String email) {
        sender.deliverDue();
        // The scheduled sender may hold a message to the address at this moment (claimed, rendering or sending):
        // this call then finds nothing to claim, and the mail arrives when that round records it.
        for (int i = 0; i < 100 && dueTo(email); i++) {
            sleep();
            sender.deliverDue();
        }
        return mailbox.getMailsSentTo(email);
    }

    /** Whether mail to {@code email} is queued and due (not waiting for a retry). */
    private boolean dueTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from"
                        + " outbox_message where recipient = ?1 and status = 'PENDING' and attempts = 0")
                .setParameter(1, email).getSingleResult()).longValue() > 0);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest mail to {@code email}. */
    public Mail lastMailTo(String email) {
        List<Mail> mails = mailTo(email);
        assertThat(mails).as("mail to the subject").isNotEmpty();
        return mails.getLast();
    }

    /** Link token and code from the newest verification mail. */
    public Secrets verificationSecrets(String email) {
        // the newest mail that carries a verification link: other mail to the address (a breach notice) may be sent
        // in the same round, and the outbox sends a round's messages concurrently, in no fixed order
        List<Mail> mails = mailTo(email);
        assertThat(mails).as("mail to the subject").isNotEmpty();
        String text = mails.reversed().stream().map(Mail::getText).filter(t -> TOKEN.matcher(t).find()).findFirst()
                .orElse(mails.getLast().getText());
        Matcher token = TOKEN.matcher(text);
        assertThat(token.find()).as("link with token in: verification mail").isTrue();
        Matcher code = CODE.matcher(text.substring(text.indexOf(token.group(0)) + token.group(0).length()));
        assertThat(code.find()).as("six-digit code in: verification mail").isTrue();
        return new Secrets(token.group(1), token.group(2), code.group(1));
    }

    /** The access token from the acknowledgement mail's status link. */
    public String accessToken(String email) {
        Matcher token = TOKEN.matcher(lastMailTo(email).getText());
        assertThat(token.find()).as("status link in: acknowledgement mail").isTrue();
        return token.group(2);
    }

    public static Response verify(String id, Map<String, String> proof) {
        return given().contentType(ContentType.JSON).body(proof).post("/api/v1/requests/{id}/verification", id);
    }

    /** Asks for a new verification mail (new link and code). */
    public static Response resend(String id) {
        return given().post("/api/v1/requests/{id}/verification/resend", id);
    }

    /** Files, verifies by code, and returns the id and the access token. */
    public Verified fileAndVerify(Object body, String email) {
        String id = fileOk(body);
        Secrets secrets = verificationSecrets(email);
        verify(id, Map.of("code", secrets.code())).then().statusCode(200);
        return new Verified(id, accessToken(email));
    }

    public record Secrets(String requestId, String token, String code) {
    }

    public record Verified(String id, String accessToken) {
    }
}
