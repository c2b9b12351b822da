package kz.region715.dsr.notification;

import jakarta.enterprise.context.ApplicationScoped;
import kz.region715.dsr.notification.MailTransport.Envelope;
import kz.region715.dsr.notification.MailTransport.Outcome;

/** The e-mail adapter: hands the message to the mail relay through this run's {@link MailTransport}. */
@ApplicationScoped
class EmailChannel implements NotificationChannel {

    private final MailTransport transport;

    EmailChannel(MailTransport transport) {
        this.transport = transport;
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.EMAIL;
    }

    @Override
    public Outcome send(Envelope message) {
        return transport.send(message);
    }
}
