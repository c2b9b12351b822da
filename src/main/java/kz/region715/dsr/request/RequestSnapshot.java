package kz.region715.dsr.request;

import java.util.UUID;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.request.domain.SubjectLocale;

/** What other capabilities need to know of a request to react to its events (for example, to write to the subject). */
public record RequestSnapshot(UUID id, String reference, RequestType type, SubjectLocale locale, String email,
        String name, String subjectKey) {

    public static RequestSnapshot of(SubjectRequest request) {
        return new RequestSnapshot(request.id(), request.reference(), request.type(), request.locale(),
                request.contact().emailAsGiven(), request.contact().name(), request.subjectKey());
    }
}
