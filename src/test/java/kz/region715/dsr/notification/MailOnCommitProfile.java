package kz.region715.dsr.notification;

import java.util.HashMap;
import java.util.Map;

/** The hostile relay, with mail sent as soon as its transaction commits (as in production) and a long final reply. */
public class MailOnCommitProfile extends HostileSmtpProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("dsr.outbox.send-on-commit", "true");
        config.put("dsr.smtp.final-reply-timeout", "PT5M");
        return config;
    }
}
