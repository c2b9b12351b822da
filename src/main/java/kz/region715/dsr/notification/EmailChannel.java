package kz.region715.dsr.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The e-mail adapter: hands the message to the mailer (SMTP). */
@ApplicationScoped
class EmailChannel implements NotificationChannel {

    private final ReactiveMailer mailer;

    EmailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.EMAIL;
    }

    @Override
    public Uni<Delivery> send(Envelope message) {
        Mail mail = Mail.withText(message.recipient(), message.subject(), message.text()).setHtml(message.html());
        return mailer.send(mail).replaceWith(Delivery.SENT);
    }
}
