package kz.region715.dsr.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OpenID Connect provider for the console's browser test: Keycloak's own distribution (from Maven, copied into
 * target/keycloak by the build), started once per test class in dev mode on a free port with its built-in database
 * and the realm {@code console/dsr-realm.json} (client dsr-console with PKCE S256; users officer, officer2, auditor,
 * admin). Without Chromium (and unless DSR_BROWSER_TESTS=required) it is not started: the browser test skips anyway.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "console-test-secret-0123456789abcdef";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private Process process;

    @Override
    public Map<String, String> start() {
        boolean browser = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        if (!browser && !"required".equals(System.getenv("DSR_BROWSER_TESTS"))) {
            return Map.of();
        }
        try {
            Path home = unpacked(Path.of(System.getProperty("keycloak.dist")));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/console/dsr-realm.json")) {
                Files.copy(realm, imports.resolve("dsr-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm",
                    "--hostname-strict=false")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolveSibling("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // Keycloak's threads library needs this on Java 24 and later.
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens java.base/java.lang=ALL-UNNAMED");
            process = builder.start();
            String issuer = "http://localhost:" + port + "/realms/dsr";
            awaitDiscovery(issuer);
            return Map.of(
                    "quarkus.oidc.console.tenant-enabled", "true",
                    "quarkus.oidc.console.auth-server-url", issuer,
                    "quarkus.oidc.console.credentials.secret", SECRET,
                    "quarkus.http.auth.permission.console.auth-mechanism", "code");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The distribution unpacked next to its zip, once (later runs reuse it, and its built server). */
    private static Path unpacked(Path zip) throws IOException {
        Path target = zip.resolveSibling("dist");
        String name = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "keycloak-").replace(".zip", "");
        Path home = target.resolve(name);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return home;
    }

    private void awaitDiscovery(String issuer) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see target/keycloak/keycloak.log");
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process.onExit().completeOnTimeout(null, 500, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
