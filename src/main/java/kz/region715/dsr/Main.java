package kz.region715.dsr;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import kz.region715.dsr.platform.migration.MigrateCommand;

/**
 * Starts the service. Before Quarkus starts, the HTTP layer's own check of the request target is turned off
 * ({@code vertx.disableURIValidation}): that check answers a target it cannot parse (such as {@code %zz}) with an
 * empty 400, while the router answers the same target with a problem like every other error
 * ({@link kz.region715.dsr.platform.http.EdgeProblems}). The tests set the same property (pom.xml).
 *
 * <p>With the argument {@code migrate} it migrates the database and exits ({@link MigrateCommand}).
 */
@QuarkusMain
public final class Main {

    Main() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        if (args.length > 0 && MigrateCommand.NAME.equals(args[0])) {
            MigrateCommand.prepare();
            Quarkus.run(MigrateCommand.class, args);
            return;
        }
        Quarkus.run(args);
    }
}
