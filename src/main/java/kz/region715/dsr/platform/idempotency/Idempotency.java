package kz.region715.dsr.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.region715.dsr.platform.crypto.Secrets;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.jobs.JobRounds;

/**
 * Idempotency-Key handling (IETF draft "The Idempotency-Key HTTP Header
 * Field"): the same key with the same body gives back what the first call
 * created; the same key with another body is refused.
 */
@ApplicationScoped
public class Idempotency {

    // Canonical JSON: equal bodies with reordered members get the same fingerprint.
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .findAndAddModules()
            .build();

    private final EntityManager em;
    private final Clock clock;
    private final IdempotencyConfig config;
    private final JobRounds rounds;

    Idempotency(EntityManager em, Clock clock, IdempotencyConfig config, JobRounds rounds) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.rounds = rounds;
    }

    /** The fingerprint of a parsed request body. */
    public static String fingerprint(Object body) {
        try {
            return Secrets.sha256Hex(CANONICAL.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("body cannot be fingerprinted", e);
        }
    }

    /**
     * The resource created by an earlier call with this key, if any.
     *
     * @throws DomainRuleViolation UNPROCESSABLE when the key was used with another body
     */
    public Optional<UUID> previous(String key, String fingerprint) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
        if (record == null || record.expiresAt.isBefore(clock.instant())) {
            return Optional.empty();
        }
        if (!record.fingerprint.equals(fingerprint)) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.UNPROCESSABLE, "idempotency-key-reused",
                    "Idempotency key reused", "This Idempotency-Key was already used with a different request body.",
                    List.of(), Map.of());
        }
        return Optional.of(record.resourceId);
    }

    /** Remembers what a key created, in the caller's transaction. */
    public void remember(String key, String fingerprint, UUID resourceId) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
        boolean fresh = record == null;
        if (fresh) {
            record = new IdempotencyRecord(key);
        }
        // An expired record with the same key is simply bound anew.
        record.bind(fingerprint, resourceId, clock.instant(), config.retention());
        if (fresh) {
            em.persist(record);
        }
    }

    @Scheduled(identity = "idempotency-cleanup", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCleanup() {
        rounds.run("Idempotency cleanup", this::forgetExpired);
    }

    /** Deletes expired keys; returns how many. */
    @Transactional
    public int forgetExpired() {
        return em.createQuery("delete from IdempotencyRecord r where r.expiresAt < :now")
                .setParameter("now", clock.instant())
                .executeUpdate();
    }
}
