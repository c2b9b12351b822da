package kz.region715.dsr.verification;

import java.time.Instant;
import java.util.UUID;
import kz.region715.dsr.request.domain.RequestStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationOutcome", description = "The request is verified; a status link is on its way by e-mail.")
public record VerificationOutcome(UUID id, String reference, RequestStatus status, Instant verifiedAt) {
}
