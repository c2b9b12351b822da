package kz.region715.dsr.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's address as the HTTP layer sees it (behind a trusted proxy,
 * from X-Forwarded-For once HTTP_TRUST_PROXY is on). Used only as a rate-limit
 * key: never logged or stored.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
