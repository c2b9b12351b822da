package kz.region715.dsr.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A pool of two connections, fewer than the calls of a {@link Burst}; a client limit of {@link #CLIENT_LIMIT} a
 * minute, clients told apart by X-Forwarded-For as behind the ingress.
 */
public class TwoConnections implements QuarkusTestProfile {

    public static final int CLIENT_LIMIT = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.max-size", "2",
                "dsr.rate-limit.per-client.requests", Integer.toString(CLIENT_LIMIT),
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true");
    }
}
