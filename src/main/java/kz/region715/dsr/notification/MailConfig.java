package kz.region715.dsr.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

@ConfigMapping(prefix = "dsr.mail")
public interface MailConfig {

    /** Base of the links in e-mails: where the public web pages (/verify, /status) are served. */
    @WithDefault("http://localhost:8080")
    URI publicBaseUrl();
}
