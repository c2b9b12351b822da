package kz.region715.dsr.platform.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production path: OIDC bearer tokens, roles read from the configured claim. */
@QuarkusTest
@TestProfile(OidcIssuer.Profile.class)
class OidcBearerTokenTest {

    private static final String ADMIN_ENDPOINT = "/api/v1/admin/outbox";

    @Test
    void aTokenWithTheRoleInTheConfiguredClaimIsLetIn() {
        String token = OidcIssuer.token("operator-1", "groups", List.of(Roles.ADMIN), Instant.now().plusSeconds(300));
        given().auth().oauth2(token).get(ADMIN_ENDPOINT).then().statusCode(200);
    }

    @Test
    void aTokenWithAnotherRoleIsForbidden() {
        String token = OidcIssuer.token("officer-1", "groups", List.of(Roles.OFFICER), Instant.now().plusSeconds(300));
        given().auth().oauth2(token).get(ADMIN_ENDPOINT).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void rolesOutsideTheConfiguredClaimDoNotCount() {
        String token = OidcIssuer.token("operator-2", "roles", List.of(Roles.ADMIN), Instant.now().plusSeconds(300));
        given().auth().oauth2(token).get(ADMIN_ENDPOINT).then().statusCode(403);
    }

    @Test
    void expiredForgedAndMalformedTokensAreRefused() {
        String expired = OidcIssuer.token("operator-3", "groups", List.of(Roles.ADMIN), Instant.now().minusSeconds(600));
        given().auth().oauth2(expired).get(ADMIN_ENDPOINT).then().statusCode(401);
        given().auth().oauth2(OidcIssuer.forgedToken("intruder", List.of(Roles.ADMIN))).get(ADMIN_ENDPOINT).then()
                .statusCode(401);
        given().auth().oauth2("not.a.token").get(ADMIN_ENDPOINT).then().statusCode(401);
        given().get(ADMIN_ENDPOINT).then().statusCode(401).contentType("application/problem+json");
    }
}
