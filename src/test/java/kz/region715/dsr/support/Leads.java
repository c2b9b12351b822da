package kz.region715.dsr.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The lead store's side of tests: ingest as the ingest client, read and mark as an officer. */
public final class Leads {

    private Leads() {
    }

    /** A call as the ingest client (the web form's and the bot's back end). */
    public static RequestSpecification asIngest() {
        return given().auth().preemptive().basic("ingest", "ingest").contentType(ContentType.JSON);
    }

    /**
     * A lead's body with consent to FEEDBACK and CONSULTING; null e-mail or phone are left out. Mutable, for tests
     * that change a field.
     */
    public static Map<String, Object> body(String email, String phone, String source) {
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
        return lead;
    }

    /** Stores a lead with consent to FEEDBACK and CONSULTING; null e-mail or phone are left out. */
    public static String store(String email, String phone, String source) {
        return store(body(email, phone, source));
    }

    /** Stores the lead and returns its id. */
    public static String store(Map<String, Object> lead) {
        return asIngest().body(lead).post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    /** Stores the leads in one batch and returns their ids. */
    public static List<String> storeBatch(List<? extends Map<String, ?>> leads) {
        return asIngest().body(Map.of("leads", leads)).post("/api/v1/leads/batch").then().statusCode(201)
                .extract().path("id");
    }

    public static Response get(String id) {
        return Cases.asOfficer().get("/api/v1/leads/{id}", id);
    }

    /** Records a disclosure of the lead to {@code recipient}; the answer, for more checks. */
    public static ValidatableResponse disclose(String id, String recipient, String recipientEmail) {
        return Cases.asOfficer().body(Map.of("recipient", recipient, "recipientEmail", recipientEmail,
                        "purpose", "Delivery of the offer", "legalBasis", "Consent, policy 6.2",
                        "disclosedOn", "2026-03-05"))
                .post("/api/v1/leads/{id}/disclosures", id).then().statusCode(201);
    }

    /** Puts the lead under a legal hold; the answer, for more checks. */
    public static ValidatableResponse hold(String id, String reason) {
        return Cases.asOfficer().body(Map.of("reason", reason)).post("/api/v1/leads/{id}/legal-hold", id).then()
                .statusCode(200);
    }

    public static String uniquePhone() {
        return "+7 701 " + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
    }
}
