package kz.region715.dsr.platform.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.region715.dsr.platform.jobs.JobRounds;
import org.hibernate.Session;

/**
 * Puts pending audit events into the hash chain (the Certificate Transparency design: writers append without a
 * global lock, one sequencer orders). A round locks the chain's head row, skipping the round when another replica
 * holds it ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), so one sequencer works at a time across replicas. In one
 * transaction per batch it takes the committed pending events in insertion order, gives each the next {@code seq},
 * its {@code at} (the time it was recorded, never earlier than the event before, so time follows the sequence), the
 * previous hash and its own, moves it into {@code audit_event}, advances the head and publishes a tree head signed
 * by {@link TreeHeadSigner}. An event whose transaction commits after later ones were sequenced is taken in the next
 * round: nothing is lost, and the events of one transaction stay together and in order.
 */
@ApplicationScoped
public class AuditSequencer {

    private final EntityManager em;
    private final Clock clock;
    private final AuditConfig config;
    private final TreeHeadSigner signer;
    private final JobRounds rounds;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();

    AuditSequencer(EntityManager em, Clock clock, AuditConfig config, TreeHeadSigner signer, JobRounds rounds,
            MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.signer = signer;
        this.rounds = rounds;
        registry.gauge("dsr.audit.pending.events", pending);
        registry.gauge("dsr.audit.sequencing.lag.seconds", lagMillis, millis -> millis.get() / 1000.0);
    }

    @Scheduled(identity = "audit-sequencer", every = "${dsr.audit.sequence-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rounds.run("Audit sequencer", () -> {
            sequence(rounds::stopping);
            backlog();
        });
    }

    /**
     * Sequences every event pending now, batch by batch; how many it put into the chain (0 when there were none or
     * another replica is sequencing).
     */
    public long sequencePending() {
        return sequence(() -> false);
    }

    /** Batch after batch until none is full, or {@code stop} says so between batches (shutdown). */
    private long sequence(java.util.function.BooleanSupplier stop) {
        long total = 0;
        while (!stop.getAsBoolean()) {
            int sequenced = QuarkusTransaction.requiringNew().call(
                    () -> em.unwrap(Session.class).doReturningWork(this::sequenceBatch));
            total += Math.max(sequenced, 0);
            if (sequenced < config.sequenceBatch()) {
                break;
            }
        }
        return total;
    }

    /** The events waiting to be sequenced and how long the oldest has waited; also what the gauges show. */
    public Backlog backlog() {
        Backlog backlog = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(
                connection -> {
                    try (PreparedStatement query = connection.prepareStatement(
                            "select count(*), min(recorded_at) from audit_pending");
                            ResultSet row = query.executeQuery()) {
                        row.next();
                        Timestamp oldest = row.getTimestamp(2);
                        Duration lag = oldest == null ? Duration.ZERO
                                : Duration.between(oldest.toInstant(), clock.instant());
                        return new Backlog(row.getLong(1), lag.isNegative() ? Duration.ZERO : lag);
                    }
                }));
        pending.set(backlog.events());
        lagMillis.set(backlog.oldest().toMillis());
        return backlog;
    }

    /** Events recorded and committed but not yet in the chain, and the age of the oldest. */
    public record Backlog(long events, Duration oldest) {
    }

    /** One batch under the head's lock: how many events it sequenced, -1 when another replica holds the lock. */
    private int sequenceBatch(Connection connection) throws SQLException {
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        long seq;
        String prev;
        Instant lastAt;
        try (PreparedStatement head = connection.prepareStatement("select last_seq, last_hash, last_at from audit_head"
                + " where id = 1 for update" + (postgres ? " skip locked" : ""));
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                return -1;
            }
            seq = row.getLong(1);
            prev = row.getString(2);
            Timestamp at = row.getTimestamp(3);
            lastAt = at == null ? Instant.EPOCH : at.toInstant();
        }
        int count = 0;
        try (PreparedStatement take = connection.prepareStatement("select id, recorded_at, actor, event_type,"
                + " request_ref, subject_pseudonym, details from audit_pending order by id limit ?");
                PreparedStatement insert = connection.prepareStatement("insert into audit_event (seq, occurred_at,"
                        + " actor, event_type, request_ref, subject_pseudonym, canonical, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement remove = connection.prepareStatement("delete from audit_pending where id = ?")) {
            take.setInt(1, config.sequenceBatch());
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    Instant recorded = rows.getTimestamp(2).toInstant().truncatedTo(ChronoUnit.MICROS);
                    Instant at = recorded.isBefore(lastAt) ? lastAt : recorded;
                    seq++;
                    String actor = rows.getString(3);
                    String type = rows.getString(4);
                    String request = rows.getString(5);
                    String subject = rows.getString(6);
                    String canonical = AuditCanonical.of(seq, at, actor, type, request, subject, rows.getString(7),
                            prev);
                    String hash = AuditCanonical.hash(canonical);
                    insert.setLong(1, seq);
                    insert.setTimestamp(2, Timestamp.from(at));
                    insert.setString(3, actor);
                    insert.setString(4, type);
                    insert.setString(5, request);
                    insert.setString(6, subject);
                    insert.setString(7, canonical);
                    insert.setString(8, prev);
                    insert.setString(9, hash);
                    insert.addBatch();
                    remove.setLong(1, rows.getLong(1));
                    remove.addBatch();
                    prev = hash;
                    lastAt = at;
                    count++;
                }
            }
            if (count == 0) {
                return 0;
            }
            insert.executeBatch();
            remove.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update audit_head set last_seq = ?, last_hash = ?, last_at = ? where id = 1")) {
            update.setLong(1, seq);
            update.setString(2, prev);
            update.setTimestamp(3, Timestamp.from(lastAt));
            update.executeUpdate();
        }
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement treeHead = connection.prepareStatement("insert into audit_tree_head (tree_size,"
                + " root_hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?)")) {
            treeHead.setLong(1, seq);
            treeHead.setString(2, prev);
            treeHead.setTimestamp(3, Timestamp.from(signedAt));
            treeHead.setString(4, signer.keyId());
            treeHead.setString(5, signer.sign(seq, prev, signedAt));
            treeHead.executeUpdate();
        }
        return count;
    }
}
