package kz.region715.dsr.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) that the service's production mailer settings point at. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.login", "NONE");
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** The port GreenMail listens on. */
    public static int port() {
        return port;
    }

    public static GreenMail server() {
        return server;
    }

    /** Takes the SMTP server down, as in an outage. */
    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Brings it (back) up on the same port, and returns once it greets clients. */
    public static synchronized void startServer() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            awaitGreeting();
        }
    }

    /** A started server may accept connections before it answers them; wait for its "220" banner. */
    private static void awaitGreeting() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(1000);
                String banner = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                if (banner != null && banner.startsWith("220")) {
                    socket.getOutputStream().write("QUIT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    return;
                }
            } catch (IOException e) {
                // not ready yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("GreenMail did not greet within 10 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
