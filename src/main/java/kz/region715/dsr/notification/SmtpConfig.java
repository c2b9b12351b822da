package kz.region715.dsr.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Time limits of one SMTP conversation ({@link SmtpTransport}); the relay's address, TLS and login are the
 * {@code quarkus.mailer.*} settings. Each step has its own limit: a step past it closes the connection.
 */
@ConfigMapping(prefix = "dsr.smtp")
public interface SmtpConfig {

    /** Opening the TCP connection (and the TLS handshake of implicit TLS or STARTTLS). */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** The relay's 220 greeting after the connection opens. */
    @WithDefault("PT10S")
    Duration greetingTimeout();

    /** Each command's reply (EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA) and the sending of the data. */
    @WithDefault("PT10S")
    Duration commandTimeout();

    /**
     * The reply to the data's final dot. Giving up here is what makes a repeat (the relay may have taken the mail),
     * so it is long (RFC 5321 4.5.3.2 suggests 10 minutes); it holds no other mail back.
     */
    @WithDefault("PT5M")
    Duration finalReplyTimeout();

    /** The name this service gives in EHLO. */
    @WithDefault("dsr-service")
    String heloName();
}
