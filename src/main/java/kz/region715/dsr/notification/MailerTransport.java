package kz.region715.dsr.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import java.time.Duration;

/**
 * The Quarkus mailer as a transport, used only when it is mocked ({@code quarkus.mailer.mock=true}: development
 * prints the mail to the log, tests read the mock mailbox). Real relays get {@link SmtpTransport}.
 */
final class MailerTransport implements MailTransport {

    private final ReactiveMailer mailer;
    private final Duration limit;
    private final int parallelism;

    MailerTransport(ReactiveMailer mailer, Duration limit, int parallelism) {
        this.mailer = mailer;
        this.limit = limit;
        this.parallelism = parallelism;
    }

    @Override
    public Outcome send(Envelope mail) {
        try {
            mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text()).setHtml(mail.html())
                    .addHeader("Message-ID", mail.messageId())).await().atMost(limit);
            return Outcome.SENT;
        } catch (RuntimeException e) {
            return new Outcome(Result.RETRY, e.getClass().getSimpleName());
        }
    }

    @Override
    public int reserve(int wanted) {
        return Math.min(wanted, parallelism);
    }

    @Override
    public void giveBack(int places) {
        // no places are held
    }
}
