package kz.region715.dsr.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

@ConfigMapping(prefix = "dsr.verification")
public interface VerificationConfig {

    /** How long the link in the e-mail works. */
    @WithDefault("P1D")
    Duration linkValidity();

    /** How long the six-digit code works. */
    @WithDefault("PT30M")
    Duration codeValidity();

    /** Wrong tokens or codes before a new e-mail must be requested. */
    @WithDefault("5")
    @Positive
    int maxFailedAttempts();

    /** New verification e-mails a request may ask for in any hour. */
    @WithDefault("3")
    @Positive
    int maxResendsPerHour();

    /** Requests not verified within this time expire and their personal data is erased. */
    @WithDefault("P7D")
    Duration unverifiedRequestExpiry();

    /** Requests the expiry job handles per batch. */
    @WithDefault("100")
    @Positive
    int expiryBatchSize();
}
