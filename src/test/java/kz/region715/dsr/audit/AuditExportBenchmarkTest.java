package kz.region715.dsr.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kz.region715.dsr.platform.audit.AuditTrail;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Export and verification of the trail at 100,000 and 1,000,000 events: time,
 * and the heap in use above the baseline while the export streams (sampled
 * every 20 ms; the client counts lines without keeping them). Prints figures;
 * asserts nothing about time. Run: ./mvnw verify -Pbench[,postgresql].
 */
@QuarkusTest
@Tag("bench")
class AuditExportBenchmarkTest {

    @Inject
    AuditTrail audit;
    @Inject
    ChainVerification verification;

    @Test
    void exportAndVerifyAtScale() throws Exception {
        long seeded = 0;
        for (long target : new long[] {100_000, 1_000_000}) {
            long seedStart = System.nanoTime();
            while (seeded < target) {
                long from = seeded;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        audit.record("BENCH_EVENT", "system:bench", "DSR-2026-" + (from + i), "0".repeat(64),
                                AuditTrail.details("n", from + i, "note", "a detail of moderate length"));
                    }
                });
                seeded += 5_000;
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long baseline = runtime.totalMemory() - runtime.freeMemory();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long start = System.nanoTime();
            long lines = 0;
            long bytes = 0;
            try (InputStream body = AuditTrailTest.asAuditor().accept("application/x-ndjson")
                    .get("/api/v1/audit/events?type=BENCH_EVENT").then().statusCode(200).extract().asInputStream();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    bytes += line.length() + 1;
                }
            }
            double exportSeconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            sampler.join();
            long verifyStart = System.nanoTime();
            ChainVerification.Result result = verification.verify(null, null);
            double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
            System.out.printf("%nBENCH audit trail with %,d bench events (%,d in all): seeded in %.1f s;"
                            + " NDJSON export of %,d lines (%,d MB) in %.1f s (%,.0f events/s); heap above baseline"
                            + " while streaming: peak %,d MB (baseline %,d MB, max heap %,d MB); chain verification"
                            + " of %,d events: %s in %.1f s%n", target, result.checked(), seedSeconds, lines,
                    bytes >> 20, exportSeconds, lines / exportSeconds, (peak.get() - baseline) >> 20, baseline >> 20,
                    runtime.maxMemory() >> 20, result.checked(), result.status(), verifySeconds);
        }
    }
}
