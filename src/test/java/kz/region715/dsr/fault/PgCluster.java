package kz.region715.dsr.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of a test's own (Debian's pg_createcluster), on its own port, with role {@code dsr}.
 * Dropped on close, and by a shutdown hook if the JVM ends first. The server is never crashed by the scenarios
 * (stopped with {@code -m fast}), so it runs without fsync to keep the suite fast on a shared disk.
 */
final class PgCluster implements AutoCloseable {

    static final String VERSION = "15";
    static final String USER = "dsr";
    static final String PASSWORD = "dsr";

    private final String name;
    private final int port;
    private final Thread dropOnExit;
    private boolean dropped;

    private PgCluster(String name, int port) {
        this.name = name;
        this.port = port;
        this.dropOnExit = new Thread(this::drop, "drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    /** Creates and starts a cluster on a free port between 5440 and 5499, with the role dsr. */
    static PgCluster create(String label) {
        String name = "faultit_" + label + "_" + UUID.randomUUID().toString().substring(0, 6);
        int port = freePort();
        PgCluster cluster = new PgCluster(name, port);
        try {
            root("pg_createcluster", VERSION, name, "--port", Integer.toString(port), "--",
                    "--auth=trust", "--encoding=UTF8", "--no-sync");
            postgres("pg_conftool", VERSION, name, "set", "fsync", "off");
            postgres("pg_conftool", VERSION, name, "set", "full_page_writes", "off");
            cluster.start();
            cluster.superuser("create role " + USER + " login password '" + PASSWORD + "'");
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A new database owned by dsr. */
    String createDatabase(String database) {
        superuser("create database " + database + " owner " + USER);
        return jdbcUrl(database);
    }

    /** A login role without any privilege of its own (the service's runtime role, granted by the migrations). */
    void createRole(String role, String password) {
        superuser("create role " + role + " login password '" + password + "'");
    }

    /** A connection as {@code role}. */
    Connection connect(String database, String role, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), role, password);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    void start() {
        postgres("pg_ctlcluster", VERSION, name, "start");
    }

    /** A clean, fast shutdown: open connections are cut, as in a failover or a restart of the server. */
    void stop() {
        postgres("pg_ctlcluster", VERSION, name, "stop", "-m", "fast");
    }

    /** A connection as dsr; each call a new one, so a test's own reads survive the server's restarts. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    private void superuser(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("on cluster " + name + ": " + sql, e);
        }
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private synchronized void drop() {
        if (!dropped) {
            dropped = true;
            postgresQuietly("pg_ctlcluster", VERSION, name, "stop", "-m", "immediate");
            rootQuietly("pg_dropcluster", VERSION, name);
        }
    }

    private static int freePort() {
        int start = (int) (Math.random() * 60);
        for (int i = 0; i < 60; i++) {
            int port = 5440 + (start + i) % 60;
            try (ServerSocket socket = new ServerSocket(port)) {
                if (!Files.exists(Path.of("/var/run/postgresql/.s.PGSQL." + port))) {
                    return port;
                }
            } catch (IOException taken) {
                // next
            }
        }
        throw new IllegalStateException("no free port in 5440-5499");
    }

    /** pg_createcluster and pg_dropcluster need root (they create and remove the folders); the rest runs as postgres. */
    private static void root(String... command) {
        Result result = run(false, command);
        if (result.exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exit + ": " + result.output);
        }
    }

    private static void rootQuietly(String... command) {
        Result result = run(false, command);
        if (result.exit != 0) {
            System.err.println("[fault] " + String.join(" ", command) + " exited " + result.exit + ": " + result.output);
        }
    }

    private static void postgres(String... command) {
        Result result = run(true, command);
        if (result.exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exit + ": " + result.output);
        }
    }

    private static void postgresQuietly(String... command) {
        Result result = run(true, command);
        if (result.exit != 0) {
            System.err.println("[fault] " + String.join(" ", command) + " exited " + result.exit + ": " + result.output);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(boolean asPostgres, String... command) {
        List<String> line = new ArrayList<>(asPostgres ? List.of("runuser", "-u", "postgres", "--") : List.of());
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command), e);
        }
    }

    /** A count from a query (one row, one column) on {@code database}. */
    long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row. */
    List<String> column(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
