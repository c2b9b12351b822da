package kz.region715.dsr.notification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The {@link HostileSmtpServer} of a test profile; the service's SMTP client points at it. */
public class HostileSmtpResource implements QuarkusTestResourceLifecycleManager {

    private static HostileSmtpServer server;

    @Override
    public Map<String, String> start() {
        server = new HostileSmtpServer();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.login", "NONE");
    }

    @Override
    public void stop() {
        server.close();
    }

    public static HostileSmtpServer server() {
        return server;
    }
}
