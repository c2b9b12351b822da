package kz.region715.dsr.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service's SMTP client against the {@link HostileSmtpServer}, with short limits so that a stalled step ends
 * soon (production: seconds before the data, minutes after it); tests send explicitly
 * ({@link OutboxSender#deliverDue()}).
 */
public class HostileSmtpProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "dsr.smtp.connect-timeout", "PT1S",
                "dsr.smtp.greeting-timeout", "PT1S",
                "dsr.smtp.command-timeout", "PT1S",
                "dsr.smtp.final-reply-timeout", "PT2S",
                "dsr.outbox.parallelism", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HostileSmtpResource.class));
    }
}
