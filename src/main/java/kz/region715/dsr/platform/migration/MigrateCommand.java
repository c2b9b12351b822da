package kz.region715.dsr.platform.migration;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.logging.Logger;

/**
 * {@code java -jar quarkus-run.jar migrate}: migrates the database and exits, as the migration Job of a
 * deployment does before new replicas start. It runs with the owner role (DB_USER of the Job) and grants the
 * runtime role (DB_RUNTIME_ROLE) what the service needs; the replicas then run with DB_MIGRATE_AT_START=false.
 * Flyway migrates while the application starts ({@link #prepare}); the scheduled jobs do not start.
 */
public class MigrateCommand implements QuarkusApplication {

    public static final String NAME = "migrate";
    private static final Logger LOG = Logger.getLogger(MigrateCommand.class);

    @Inject
    Flyway flyway;

    /** The settings of a migration run, set before Quarkus starts (system properties win over the environment). */
    public static void prepare() {
        System.setProperty("quarkus.flyway.migrate-at-start", "true");
        System.setProperty("quarkus.scheduler.enabled", "false");
        // Nothing is served: the token issuer need not be reachable from the Job.
        System.setProperty("quarkus.oidc.tenant-enabled", "false");
    }

    @Override
    public int run(String... args) {
        MigrationInfoService info = flyway.info(); // one read of the schema history
        MigrationInfo current = info.current();
        int pending = info.pending().length;
        LOG.infof("Database migrated: schema version %s, %d migration(s) pending",
                current == null ? "none" : current.getVersion(), pending);
        return pending == 0 ? 0 : 1;
    }
}
