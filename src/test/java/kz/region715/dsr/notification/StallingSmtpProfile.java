package kz.region715.dsr.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The production mailer against an SMTP server that can stall; sends give up after 2 s, two at a time. */
public class StallingSmtpProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dsr.outbox.send-timeout", "PT2S", "dsr.outbox.parallelism", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StallingSmtpResource.class));
    }
}
