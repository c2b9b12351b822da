package kz.region715.dsr.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an error means the database cannot be reached (down, restarting, pool exhausted), as opposed to a fault
 * of the request or of the code. Such errors answer 503 and skip a job's round; they pass temporarily.
 */
public final class DatabaseOutage {

    /** PostgreSQL's "the server is shutting down / restarting / not yet accepting connections". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /** Agroal throws a plain SQLException, without a state, when no connection frees up in time. */
    private static final String AGROAL_ACQUISITION_TIMEOUT = "acquisition timeout";
    private static final int MAX_DEPTH = 16;

    private DatabaseOutage() {
    }

    /** Walks the causes (and suppressed errors) of {@code error}, through the JTA and Hibernate wrappers. */
    public static boolean in(Throwable error) {
        return in(error, 0);
    }

    private static boolean in(Throwable error, int depth) {
        for (Throwable cause = error; cause != null && depth < MAX_DEPTH; cause = next(cause), depth++) {
            if (isOutage(cause)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (in(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException
                || cause instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null) {
                return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
            }
            return sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains(AGROAL_ACQUISITION_TIMEOUT);
        }
        return false;
    }
}
