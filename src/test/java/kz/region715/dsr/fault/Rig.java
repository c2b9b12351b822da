package kz.region715.dsr.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.platform.security.OidcIssuer;

/**
 * Everything one scenario runs against: its own PostgreSQL cluster with database {@code dsr}, its own SMTP server,
 * the token issuer, and the application processes it starts. Closing stops the applications, the SMTP server and
 * the issuer, and drops the cluster, whatever happened before.
 */
final class Rig implements AutoCloseable {

    static final String DB = "dsr";

    final PgCluster pg;
    final Mailbox mail;
    private final OidcIssuer issuer = new OidcIssuer();
    private final String issuerUrl;
    private final List<App> apps = new ArrayList<>();

    Rig(String label) {
        PgCluster cluster = PgCluster.create(label);
        Mailbox mailbox = null;
        try {
            cluster.createDatabase(DB);
            mailbox = new Mailbox();
            issuerUrl = issuer.start().get("quarkus.oidc.auth-server-url");
        } catch (RuntimeException e) {
            if (mailbox != null) {
                mailbox.close();
            }
            cluster.close();
            throw e;
        }
        pg = cluster;
        mail = mailbox;
    }

    /** The suite's environment of the packaged service on database dsr, plus {@code overrides}. */
    Map<String, String> environment(Map<String, String> overrides) {
        return App.environment(pg.jdbcUrl(DB), mail.port(), issuerUrl, overrides);
    }

    /** Starts the packaged service on database dsr with the suite's environment plus {@code overrides}. */
    App start(String name, Map<String, String> overrides) {
        App app = App.start(name, environment(overrides));
        apps.add(app);
        return app;
    }

    App restart(App killed, String name) {
        App app = killed.restart(name);
        apps.add(app);
        return app;
    }

    /**
     * Waits until no audit event waits for the sequencer (a running instance sequences every second): what the
     * chain holds can then be counted.
     */
    void awaitSequenced() {
        Await.until("the audit events sequenced", java.time.Duration.ofSeconds(30),
                () -> count("select count(*) from audit_pending") == 0);
    }

    long count(String sql) {
        return pg.count(DB, sql);
    }

    List<String> column(String sql) {
        return pg.column(DB, sql);
    }

    @Override
    public void close() {
        for (App app : apps) {
            try {
                app.close();
            } catch (RuntimeException e) {
                System.err.println("[fault] stopping " + app.name() + ": " + e);
            }
        }
        try {
            mail.close();
        } finally {
            try {
                issuer.stop();
            } finally {
                pg.close();
            }
        }
    }
}
