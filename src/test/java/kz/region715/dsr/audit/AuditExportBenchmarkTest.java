package kz.region715.dsr.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditSequencer;
import kz.region715.dsr.platform.audit.AuditTrail;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Export and verification of the trail at 100,000 and 1,000,000 events: time,
 * and the live heap while the export streams (measured after a full GC every
 * half second, against the same measure before; the client reads the stream
 * with java.net.http and counts lines without keeping them). Prints figures;
 * asserts nothing about time. Run: ./mvnw verify -Pbench[,postgresql].
 */
@QuarkusTest
@Tag("bench")
class AuditExportBenchmarkTest {

    /** The seeded events' type: one no other benchmark writes, so the export streams the seeded events only. */
    private static final AuditEventType SEEDED = AuditEventType.PACKAGES_PURGED;

    @Inject
    AuditTrail audit;
    @Inject
    ChainVerification verification;
    @Inject
    AuditSequencer sequencer;

    @Test
    void exportAndVerifyAtScale() throws Exception {
        long seeded = 0;
        for (long target : new long[] {100_000, 1_000_000}) {
            long seedStart = System.nanoTime();
            while (seeded < target) {
                long from = seeded;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        audit.record(SEEDED, "system:bench", "DSR-2026-" + (from + i), "0".repeat(64),
                                AuditTrail.details("n", from + i, "note", "a detail of moderate length"));
                    }
                });
                seeded += 5_000;
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long sequenceStart = System.nanoTime();
            long sequenced = sequencer.sequencePending(); // what the scheduled sequencer does within seconds
            double sequenceSeconds = (System.nanoTime() - sequenceStart) / 1e9;

            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long baseline = runtime.totalMemory() - runtime.freeMemory();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.gc();
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                }
            });
            sampler.start();
            long start = System.nanoTime();
            long lines = 0;
            long bytes = 0;
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            "http://localhost:8081/api/v1/audit/events?type=" + SEEDED.name()))
                    .header("Accept", "application/x-ndjson")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                    .build();
            try (HttpClient client = HttpClient.newHttpClient();
                    InputStream body = client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
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
            System.out.printf("%nBENCH audit sequencer: %,d pending events linked into the chain in %.1f s (%,.0f"
                    + " events/s)", sequenced, sequenceSeconds, sequenced / sequenceSeconds);
            System.out.printf("%nBENCH audit trail with %,d bench events (%,d in all): seeded in %.1f s;"
                            + " NDJSON export of %,d lines (%,d MB) in %.1f s (%,.0f events/s); live heap while"
                            + " streaming: %,d MB above the %,d MB before (max heap %,d MB); chain verification"
                            + " of %,d events: %s in %.1f s%n", target, result.checked(), seedSeconds, lines,
                    bytes >> 20, exportSeconds, lines / exportSeconds, (peak.get() - baseline) >> 20, baseline >> 20,
                    runtime.maxMemory() >> 20, result.checked(), result.status(), verifySeconds);
        }
    }
}
