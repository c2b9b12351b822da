package kz.region715.dsr.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rate limits hold across replicas: two instances on one database share each client's bucket, so a client that
 * alternates between them gets the configured limit, not twice it.
 */
class SharedRateLimitIT {

    private static final int LIMIT = 10;
    private static final int CALLS = 3 * LIMIT;
    private final Figures figures = new Figures("7 rate limit across two instances");

    @Test
    void aClientAlternatingBetweenTwoInstancesGetsTheConfiguredLimit() throws Exception {
        try (Rig rig = new Rig("s7")) {
            Map<String, String> limited = Map.of("DSR_RATE_PER_CLIENT", Integer.toString(LIMIT),
                    "DSR_RATE_LIMIT_PER_CLIENT_WINDOW", "PT1H");
            List<Api> instances = List.of(new Api(rig.start("s7-app-a", limited)),
                    new Api(rig.start("s7-app-b", limited)));
            Map<Integer, Integer> byStatus = new TreeMap<>();
            int[] perInstance = new int[2];
            for (int call = 0; call < CALLS; call++) {
                int status = instances.get(call % 2).get("/api/v1/requests/" + UUID.randomUUID(), null).status();
                byStatus.merge(status, 1, Integer::sum);
                if (status != 429) {
                    perInstance[call % 2]++;
                }
            }
            long buckets = rig.count("select count(*) from rate_limit_bucket where id like 'client:%'");
            figures.print("%d calls from one client alternating between 2 instances with a limit of %d: answers %s;"
                    + " let through by instance a %d, b %d; %d bucket row(s)", CALLS, LIMIT, byStatus,
                    perInstance[0], perInstance[1], buckets);
            assertThat(byStatus.getOrDefault(404, 0)).as("calls let through (unknown request: 404)").isEqualTo(LIMIT);
            assertThat(byStatus.getOrDefault(429, 0)).as("calls refused").isEqualTo(CALLS - LIMIT);
            assertThat(byStatus.keySet()).containsOnly(404, 429);
            assertThat(perInstance[0]).as("instance a let some through").isPositive();
            assertThat(perInstance[1]).as("instance b let some through").isPositive();
            assertThat(buckets).as("one shared bucket for the client").isEqualTo(1);
        }
    }
}
