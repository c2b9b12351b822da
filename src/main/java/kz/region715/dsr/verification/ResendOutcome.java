package kz.region715.dsr.verification;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResendOutcome", description = "A new verification e-mail is on its way; earlier links and codes no longer work.")
public record ResendOutcome(Instant linkExpiresAt, Instant codeExpiresAt, int resendsLeftThisHour) {
}
