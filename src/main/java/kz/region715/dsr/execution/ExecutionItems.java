package kz.region715.dsr.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The items of an execution: written per batch with one JDBC batch (the driver sends it in one round trip) rather
 * than persisted one by one, and read for where to continue.
 */
@ApplicationScoped
class ExecutionItems {

    private final EntityManager em;

    ExecutionItems(EntityManager em) {
        this.em = em;
    }

    void insertAll(List<ExecutionItem> items) {
        if (items.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into execution_item (execution_id,"
                    + " lead_id, outcome, source, received_at, detail, done_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (ExecutionItem item : items) {
                    insert.setObject(1, item.executionId);
                    insert.setObject(2, item.leadId);
                    insert.setString(3, item.outcome.name());
                    insert.setString(4, item.source.name());
                    insert.setObject(5, OffsetDateTime.ofInstant(item.receivedAt, ZoneOffset.UTC));
                    insert.setString(6, item.detail);
                    insert.setObject(7, OffsetDateTime.ofInstant(item.doneAt, ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The last lead the execution handled: batches go in lead id order and commit with their items, so the next
     * batch starts after it, and a rerun after a crash repeats nothing. Null before the first batch.
     */
    UUID lastLead(UUID executionId) {
        // order by ... desc rather than max(): PostgreSQL before 16 has no max(uuid); the primary key serves both
        return em.createQuery("select i.leadId from ExecutionItem i where i.executionId = :id order by i.leadId desc",
                UUID.class).setParameter("id", executionId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}
