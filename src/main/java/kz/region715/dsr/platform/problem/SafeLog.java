package kz.region715.dsr.platform.problem;

import java.sql.SQLException;

/**
 * Describes a throwable for the log without its messages: database and
 * validation messages can quote the values that caused them (an e-mail, a
 * phone), and those must never reach a log. A database error keeps its
 * SQLState (a code such as {@code 23505} or {@code 42501}), which an operator
 * can act on and which quotes nothing.
 */
public final class SafeLog {

    private static final int FRAMES = 12;

    private SafeLog() {
    }

    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth < 8; depth++, current = current.getCause()) {
            out.append(depth == 0 ? "" : "\nCaused by: ").append(current.getClass().getName());
            if (current instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return out.toString();
    }
}
