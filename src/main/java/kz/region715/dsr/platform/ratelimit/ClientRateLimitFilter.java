package kz.region715.dsr.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies the per-client limit to endpoints marked {@link RateLimitedPublicEndpoint}. */
public class ClientRateLimitFilter {

    @Inject
    RateLimiter limiter;

    @ServerRequestFilter
    @RateLimitedPublicEndpoint
    public void limit(HttpServerRequest request) {
        limiter.checkClient(ClientAddress.of(request));
    }
}
