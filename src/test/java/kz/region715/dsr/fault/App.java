package kz.region715.dsr.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, prod profile) as a process of its own, with
 * the environment variables of docs/configuration.md, its own public and management ports, and its log in
 * {@code target/fault-logs/<name>.log}.
 */
final class App implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final Path LOGS = Path.of("target/fault-logs");
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> env;
    private final int port = freePort();
    private final int managementPort = freePort();
    private final Path log;
    private Process process;

    private App(String name, Map<String, String> env) {
        this.name = name;
        this.env = env;
        this.log = LOGS.resolve(String.format("%02d-%s.log", STARTS.incrementAndGet(), name));
    }

    /**
     * The environment of a production run against {@code dbUrl}, {@code smtpPort} and {@code oidc}, with the jobs
     * polling every second; {@code overrides} add to it or replace it.
     */
    static Map<String, String> environment(String dbUrl, int smtpPort, String oidcIssuer, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", PgCluster.USER);
        env.put("DB_PASSWORD", PgCluster.PASSWORD);
        env.put("DSR_SECRET", "fault-suite-secret-0123456789-abcdefghijkl");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.put("SMTP_STARTTLS", "DISABLED");
        env.put("SMTP_LOGIN", "NONE");
        env.put("OIDC_AUTH_SERVER_URL", oidcIssuer);
        env.put("OIDC_ROLE_CLAIM", "groups");
        env.put("DSR_PUBLIC_BASE_URL", "http://127.0.0.1:8080");
        env.put("DSR_OUTBOX_POLL_INTERVAL", "1s");
        env.put("DSR_EXECUTION_POLL_INTERVAL", "1s");
        env.put("DSR_RATE_PER_CLIENT", "100000");
        env.put("DSR_RATE_PER_EMAIL", "100000");
        env.putAll(overrides);
        return env;
    }

    /** Starts the jar and waits until it is ready (at most 60 s). */
    static App start(String name, Map<String, String> env) {
        App app = new App(name, env);
        app.launch();
        app.awaitReady(Duration.ofSeconds(60));
        return app;
    }

    /** Starts the jar again with the same environment (after a kill), on new ports; log in a new file. */
    App restart(String newName) {
        App again = new App(newName, env);
        again.launch();
        again.awaitReady(Duration.ofSeconds(60));
        return again;
    }

    /**
     * Runs the jar with {@code args} (such as {@code migrate}) to its end and returns its exit code; fails when it
     * has not ended within {@code limit}.
     */
    static int runToExit(String name, Map<String, String> env, Duration limit, String... args) {
        App app = new App(name, env);
        app.launch(args);
        try {
            if (!app.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                app.process.destroyForcibly();
                throw new AssertionError(name + " still running after " + limit + "; see " + app.log);
            }
            return app.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + " interrupted", e);
        }
    }

    private void launch(String... args) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package first (./mvnw verify -Pfaults does)");
        }
        try {
            Files.createDirectories(LOGS);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-Dquarkus.http.port=" + port,
                    "-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
            builder.environment().put("MANAGEMENT_HOST", "127.0.0.1");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    /** HTTP status of {@code /q/health/ready} on the management port, or -1 when nothing answers. */
    int readiness() {
        try {
            return HEALTH.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until ready; returns how long it took. */
    Duration awaitReady(Duration limit) {
        long start = System.nanoTime();
        Await.until(name + " ready", limit, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return readiness() == 200;
        });
        return Duration.ofNanos(System.nanoTime() - start);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown at all. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: a graceful shutdown, as on a rolling update. */
    void terminate() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            terminate();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
