package kz.region715.dsr.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The refusals of issue 24 whose path as sent stayed in the {@code uri} label when the id began with a letter:
 * after them, {@code /q/metrics} names the route template, and no label is anything but a template or UNKNOWN.
 */
@QuarkusTest
class MetricsLabelsTest {

    static final String ID = "abcdef01-2345-4789-8abc-def012345678";
    private static final Pattern URI = Pattern.compile("uri=\"([^\"]*)\"");

    @Test
    void refusalsAreLabelledByTheirTemplate() {
        given().auth().preemptive().basic("ingest", "ingest").put("/api/v1/leads/" + ID).then().statusCode(405);
        given().contentType("text/plain").body("x").post("/api/v1/requests/" + ID + "/messages").then()
                .statusCode(415);
        given().contentType("application/json").body("{\"text\":\"" + "x".repeat(600 * 1024) + "\"}")
                .post("/api/v1/requests/" + ID + "/messages").then().statusCode(413);
        given().header("Origin", "https://evil.example").contentType("application/json").body("{\"text\":\"x\"}")
                .post("/api/v1/requests/" + ID + "/messages").then().statusCode(403);
        given().header("Origin", "http://127.0.0.1:8089").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/requests/" + ID + "/messages").then().statusCode(200);
        given().options("/api/v1/leads/" + ID).then().statusCode(200);
        given().get("/api/v1/" + ID).then().statusCode(404);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain("abcdef01")
                .contains("uri=\"/api/v1/leads/{id}\"", "uri=\"/api/v1/requests/{id}/messages\"", "uri=\"UNKNOWN\"");
        Set<String> labels = new TreeSet<>();
        Matcher uri = URI.matcher(metrics);
        while (uri.find()) {
            labels.add(uri.group(1));
        }
        assertThat(labels).allMatch(l -> l.equals("UNKNOWN") || l.equals("root") || l.startsWith("/") && !l.contains(ID));
    }
}
