package kz.region715.dsr.request;

import java.util.UUID;
import kz.region715.dsr.request.domain.RequestStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a filing. The same for a new e-mail address and a known one. */
@Schema(name = "FiledRequest")
public record FiledRequest(
        @Schema(description = "Lowercase UUID", examples = "3f0c6a4e-6d1e-4d55-9c7a-0b7b9f1d2e11") UUID id,
        @Schema(examples = "DSR-2026-000042") String reference,
        @Schema(examples = "PENDING_VERIFICATION") RequestStatus status) {

    static FiledRequest of(SubjectRequest request) {
        // A filing always answers the status it was filed in, also when a key replays it later.
        return new FiledRequest(request.id(), request.reference(), RequestStatus.PENDING_VERIFICATION);
    }
}
