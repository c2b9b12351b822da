package kz.region715.dsr.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every log line (message, parameters and stack trace) while started, to search it for personal data.
 * The mock mailer's lines are left out: it stands in for SMTP in tests and dev runs only, and printing mail is its
 * purpose.
 */
public final class LogCapture extends Handler {

    private static final String MOCK_MAILER_LOGGER = "quarkus-mailer";

    /** One captured line: the logger's name and the whole text. */
    public record Line(String logger, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    public void start() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (MOCK_MAILER_LOGGER.equals(record.getLoggerName())) {
            return;
        }
        StringWriter text = new StringWriter();
        text.append(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(String.valueOf(parameter));
            }
        }
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        synchronized (this) {
            lines.add(new Line(String.valueOf(record.getLoggerName()), text.toString()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
