package kz.region715.dsr.platform.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ResponseContract} in front of every REST Assured call of every {@code @QuarkusTest}, so each
 * answer the suite receives is checked against the committed OpenAPI document (registered in
 * {@code META-INF/services}).
 */
public class ResponseContractCallback implements QuarkusTestBeforeEachCallback {

    private static ResponseContract contract;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (ResponseContractCallback.class) {
            if (contract == null) {
                contract = ResponseContract.ofCommittedDocument();
            }
            if (RestAssured.filters().stream().noneMatch(f -> f instanceof ResponseContract)) {
                RestAssured.filters(contract);
            }
        }
    }
}
