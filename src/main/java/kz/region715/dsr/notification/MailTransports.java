package kz.region715.dsr.notification;

import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The transport of this run: the bounded SMTP client, or the mocked Quarkus mailer in development and tests. */
@ApplicationScoped
class MailTransports {

    @Produces
    @ApplicationScoped
    MailTransport transport(ReactiveMailer mailer, SmtpConfig limits, OutboxConfig outbox,
            @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock,
            @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25") int port,
            @ConfigProperty(name = "quarkus.mailer.from") String from,
            @ConfigProperty(name = "quarkus.mailer.tls", defaultValue = "false") boolean tls,
            @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
            @ConfigProperty(name = "quarkus.mailer.login", defaultValue = "NONE") String login,
            @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password) {
        if (mock) {
            return new MailerTransport(mailer, limits.commandTimeout(), outbox.parallelism());
        }
        return new SmtpTransport(new SmtpTransport.Relay(host, port, from, tls, startTls, login,
                username.orElse(null), password.orElse(null)), limits, outbox.parallelism());
    }
}
