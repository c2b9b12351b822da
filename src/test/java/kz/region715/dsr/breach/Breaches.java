package kz.region715.dsr.breach;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The breach register through its API, for tests. */
final class Breaches {

    static final String PATH = "/api/v1/breaches";

    private Breaches() {
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    /** A valid registration body detected at {@code detectedAt}; tests change members of the copy they get. */
    static Map<String, Object> body(Instant detectedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("detectedAt", detectedAt.toString());
        body.put("discovery", Map.of("method", "MONITORING", "details", "Alert of the storage monitor."));
        body.put("description", "The web form's export folder was readable without a login.");
        body.put("dataCategories", List.of("PHONE", "NAME"));
        body.put("sources", List.of("WEB_FORM"));
        body.put("systems", List.of("Website form export"));
        body.put("window", Map.of("from", detectedAt.minusSeconds(86_400).toString(), "to", detectedAt.toString()));
        body.put("estimatedCount", 120);
        body.put("measuresTaken", "Folder closed; keys rotated.");
        body.put("responsible", Map.of("name", "Dana Seitkali", "position", "Data protection officer",
                "email", "dpo@region715.kz", "phone", "+7 717 200 00 00"));
        return body;
    }

    static Response register(Map<String, Object> body) {
        return as("officer").body(body).post(PATH);
    }

    /** Registers and answers the new breach's id. */
    static String registered(Instant detectedAt) {
        return register(body(detectedAt)).then().statusCode(201).extract().path("id");
    }

    static Response read(String id) {
        return as("officer").get(PATH + "/{id}", id);
    }

    static String etag(String id) {
        return read(id).then().statusCode(200).extract().header("ETag");
    }

    /** An action with the breach's current ETag. */
    static Response act(String id, String action, Object body) {
        RequestSpecification request = as("officer").header("If-Match", etag(id));
        if (body != null) {
            request.body(body);
        }
        return request.post(PATH + "/{id}/" + action, id);
    }
}
