package kz.region715.dsr.platform.audit;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;

/**
 * Appends events to the audit trail in the transaction of the change they
 * record: events are collected while the transaction runs and written just
 * before it commits (after the entity changes are flushed), so a change
 * without its event, or an event without its change, cannot exist. Writers
 * take no lock: events go to the pending log with an insertion id, and the
 * {@link AuditSequencer} links them into the hash chain shortly after they
 * commit. Outside a transaction (an access refusal) the event is written in
 * one of its own.
 *
 * <p>Details hold no free text, since what is written here stays forever:
 * codes (enum names), ids, counts, timestamps and field names. A text someone
 * typed (a note, a reason, a disclosure's purpose) is recorded by its length
 * ({@link #lengthOf}); where an auditor must be able to prove which value was
 * recorded, by a keyed hash with a purpose of its own. The texts themselves
 * stay in their own tables, which retention and erasure can reach.
 */
@ApplicationScoped
@Unremovable // looked up by the timeline's entity listener
public class AuditTrail {

    /** Actor of the data subject's own actions. */
    public static final String SUBJECT = "subject";
    private static final Object PENDING = AuditTrail.class.getName() + ".pending";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry registry;
    private final Clock clock;

    AuditTrail(EntityManager em, TransactionSynchronizationRegistry registry, Clock clock) {
        this.em = em;
        this.registry = registry;
        this.clock = clock;
    }

    /** An event to record; {@code details} keys are the event's facts, values strings, numbers or booleans. */
    public record Event(AuditEventType type, String actor, String requestRef, String subject, Map<String, ?> details) {
    }

    public void record(AuditEventType type, String actor, String requestRef, String subject, Map<String, ?> details) {
        record(new Event(type, actor == null ? "system" : actor, requestRef, subject, details));
    }

    /** A details map that keeps the order given and drops null values. */
    public static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                Object value = keysAndValues[i + 1];
                details.put((String) keysAndValues[i], value instanceof Enum<?> e ? e.name()
                        : value instanceof Instant || value instanceof LocalDate
                        || value instanceof UUID ? value.toString() : value);
            }
        }
        return details;
    }

    /** How a free text is recorded: its length, never its content; null (dropped) when there is none. */
    public static Integer lengthOf(String text) {
        return text == null ? null : text.length();
    }

    public void record(Event event) {
        if (registry.getTransactionKey() == null) {
            QuarkusTransaction.requiringNew().run(() -> write(List.of(event)));
            return;
        }
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLING_BACK
                || status == Status.STATUS_ROLLEDBACK) {
            return; // the change is undone: so is what this event would record
        }
        Pending pending = (Pending) registry.getResource(PENDING);
        if (pending == null && status == Status.STATUS_ACTIVE) {
            // The connection joins the transaction now: it cannot be enlisted while the transaction commits.
            em.unwrap(Session.class).doWork(connection -> connection.isClosed());
            pending = new Pending();
            registry.putResource(PENDING, pending);
            Pending events = pending;
            // Written in the session's own before-completion step: after Hibernate's last flush (entity changes
            // first, and the events their flush records are in), and
            // before Hibernate releases its connection. A JTA synchronization of ours ran after that release and took
            // the connection again, which then stayed open through the commit (Agroal: "Closing open connection(s)
            // prior to commit", once per transaction).
            em.unwrap(SessionImplementor.class).getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.BeforeCompletionCallback) session -> {
                        if (!registry.getRollbackOnly()) {
                            events.written = true;
                            write(events.events);
                        }
                    });
        }
        if (pending == null || pending.written) {
            write(List.of(event)); // recorded while the transaction commits: still in it, after the others
        } else {
            pending.events.add(event);
        }
    }

    /** The events of one transaction, until they are written at its commit. */
    private static final class Pending {
        final List<Event> events = new ArrayList<>();
        boolean written;
    }

    private void write(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> append(connection, List.copyOf(events)));
    }

    /**
     * Appends the events to the pending log: no sequence number, no hash and no lock yet. The sequencer
     * ({@link AuditSequencer}) puts them into the chain in insertion order once they are committed.
     */
    private void append(Connection connection, List<Event> events) throws SQLException {
        Timestamp at = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_pending (recorded_at, actor,"
                + " event_type, request_ref, subject_pseudonym, details) values (?, ?, ?, ?, ?, ?)")) {
            for (Event e : events) {
                insert.setTimestamp(1, at);
                insert.setString(2, AuditCanonical.clean(e.actor()));
                insert.setString(3, e.type().name());
                insert.setString(4, e.requestRef());
                insert.setString(5, e.subject());
                insert.setString(6, AuditCanonical.details(e.details()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
