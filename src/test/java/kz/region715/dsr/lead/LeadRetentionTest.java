package kz.region715.dsr.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.region715.dsr.platform.jobs.BatchResult;
import kz.region715.dsr.support.AuditLog;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.TestClock;
import org.junit.jupiter.api.Test;

/** Retention (policy 5.1, 5.2): expired leads are anonymised, old IP addresses cleared, held leads kept. */
@QuarkusTest
class LeadRetentionTest {

    @Inject
    LeadRetention retention;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    private static String store(String receivedAt) {
        Map<String, Object> lead = new HashMap<>(Map.of("source", "WEB_FORM", "name", "Aigerim Serikova",
                "email", "ret-" + UUID.randomUUID() + "@example.kz", "phone", "+7 701 123 45 67",
                "message", "Call me", "ipAddress", "95.56.12.34", "cookieId", "ga1.2.3", "receivedAt", receivedAt,
                "consent", Map.of("at", receivedAt, "policyVersion", "2025-06", "purposes", List.of("FEEDBACK"))));
        return Leads.store(lead);
    }

    private Lead load(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Lead.class, UUID.fromString(id)));
    }

    @Test
    void expiredLeadsAreAnonymisedAndHeldOnesKept() {
        // Received three years ago: past the two-year retention. The clock is moved, not the data.
        String expired = store(Instant.now().minus(Duration.ofDays(1100)).toString());
        String held = store(Instant.now().minus(Duration.ofDays(1100)).toString());
        String fresh = store(Instant.now().minus(Duration.ofDays(10)).toString());
        Leads.hold(held, "Tax Code: contract records kept 5 years")
                .body("flags.legalHoldReason", equalTo("Tax Code: contract records kept 5 years"));

        BatchResult result = retention.eraseExpired();
        assertThat(result.done()).isGreaterThanOrEqualTo(1);

        Lead anonymised = load(expired);
        assertThat(anonymised.anonymisedAt()).isNotNull();
        assertThat(anonymised.name()).isEqualTo("anonymised");
        assertThat(anonymised.email()).isNull();
        assertThat(anonymised.phone()).isNull();
        assertThat(anonymised.message()).isNull();
        assertThat(anonymised.ipAddress()).isNull();
        assertThat(anonymised.cookieId()).isNull();
        assertThat(anonymised.emailKey()).isNull();
        // What statistics need survives.
        assertThat(anonymised.source()).isNotNull();
        assertThat(anonymised.receivedAt()).isNotNull();
        assertThat(anonymised.consentPurposes()).isEqualTo("FEEDBACK");

        assertThat(load(held).anonymisedAt()).isNull();
        assertThat(load(held).email()).isNotNull();
        assertThat(load(fresh).anonymisedAt()).isNull();
        assertThat(retention.eraseExpired().done()).isZero();
    }

    @Test
    void oldIpAddressesAreCleared() {
        String old = store(Instant.now().minus(Duration.ofDays(120)).toString());
        String recent = store(Instant.now().minus(Duration.ofDays(5)).toString());
        assertThat(retention.clearOldIpAddresses()).isGreaterThanOrEqualTo(1);
        assertThat(load(old).ipAddress()).isNull();
        assertThat(load(old).email()).isNotNull();
        assertThat(load(recent).ipAddress()).isEqualTo("95.56.12.34");
        assertThat(retention.clearOldIpAddresses()).isZero();
        assertThat(AuditLog.lines("type=IP_ADDRESSES_CLEARED")).isNotEmpty()
                .noneMatch(l -> l.contains("95.56.12.34"));
    }

    @Test
    void twoReplicasAtOnceEraseEachLeadOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(store(Instant.now().minus(Duration.ofDays(800)).toString()));
        }
        clock.advance(Duration.ofDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int erased = 0;
        try {
            Callable<BatchResult> run = retention::eraseExpired;
            for (Future<BatchResult> result : pool.invokeAll(List.of(run, run))) {
                erased += result.get().done();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(erased).as("each lead erased by exactly one replica").isEqualTo(ids.size());
        for (String id : ids) {
            assertThat(load(id).anonymisedAt()).isNotNull();
        }
        assertThat(retention.eraseExpired().done()).isZero();
    }
}
