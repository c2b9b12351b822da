package kz.region715.dsr.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The lead store's side of tests: ingest as the ingest client, read and mark as an officer. */
public final class Leads {

    private Leads() {
    }

    /** Stores a lead with consent to FEEDBACK and CONSULTING; null e-mail or phone are left out. */
    public static String store(String email, String phone, String source) {
        Map<String, Object> lead = new HashMap<>(Map.of("source", source, "name", "Aigerim Serikova",
                "message", "Please call me back", "ipAddress", "203.0.113.7", "cookieId", "ck-" + UUID.randomUUID(),
                "consent", Map.of("at", "2026-03-01T10:00:00Z", "policyVersion", "2025-01",
                        "purposes", List.of("FEEDBACK", "CONSULTING"))));
        if (email != null) {
            lead.put("email", email);
        }
        if (phone != null) {
            lead.put("phone", phone);
        }
        return given().auth().preemptive().basic("ingest", "ingest").contentType(ContentType.JSON).body(lead)
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    public static Response get(String id) {
        return Cases.asOfficer().get("/api/v1/leads/{id}", id);
    }

    public static void disclose(String id, String recipient, String recipientEmail) {
        Cases.asOfficer().body(Map.of("recipient", recipient, "recipientEmail", recipientEmail,
                        "purpose", "Delivery of the offer", "legalBasis", "Consent, policy 6.2",
                        "disclosedOn", "2026-03-05"))
                .post("/api/v1/leads/{id}/disclosures", id).then().statusCode(201);
    }

    public static void hold(String id, String reason) {
        Cases.asOfficer().body(Map.of("reason", reason)).post("/api/v1/leads/{id}/legal-hold", id).then()
                .statusCode(200);
    }

    public static String uniquePhone() {
        return "+7 701 " + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
    }
}
