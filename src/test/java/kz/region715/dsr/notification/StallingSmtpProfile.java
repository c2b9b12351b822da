package kz.region715.dsr.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service's SMTP client against a server that can stall; a greeting is awaited 2 s, two conversations at a time. */
public class StallingSmtpProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsr.smtp.greeting-timeout", "PT2S", "dsr.outbox.parallelism", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StallingSmtpResource.class));
    }
}
