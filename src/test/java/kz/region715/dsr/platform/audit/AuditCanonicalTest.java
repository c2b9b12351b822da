package kz.region715.dsr.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sequencer's canonical form (details stored canonical, the rest put together) is byte for byte the map form. */
class AuditCanonicalTest {

    @Test
    void theAssembledFormIsTheMapForm() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zeta", "quote \" backslash \\ slash / tab\tnewline\n");
        details.put("alpha", 7);
        details.put("big", 9_007_199_254_740_993L);
        details.put("flag", true);
        details.put("unicode", "Қазақ тілі ✓ 😀");
        details.put("ratio", 0.25);
        Instant at = Instant.parse("2026-12-07T08:00:00.123456789Z");
        for (String request : new String[] {null, "DSR-2026-000001"}) {
            for (String subject : new String[] {null, "ab".repeat(32)}) {
                String map = AuditCanonical.of(12, at, "officer \"x\"\u0007", "APPROVED", request, subject, details,
                        AuditCanonical.GENESIS);
                String assembled = AuditCanonical.of(12, at, "officer \"x\"\u0007", "APPROVED", request, subject,
                        AuditCanonical.details(details), AuditCanonical.GENESIS);
                assertThat(assembled).isEqualTo(map);
            }
        }
        assertThat(AuditCanonical.details(Map.of())).isEqualTo("{}");
        assertThat(AuditCanonical.details(null)).isEqualTo("{}");
    }
}
