package kz.region715.dsr.request;

import java.util.UUID;
import kz.region715.dsr.request.domain.Channel;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.request.domain.SubjectLocale;

/**
 * What other capabilities need to know of a request to react to its events (for example, to write to the subject:
 * by e-mail to {@code email}, or in Telegram to {@code telegramUserId} when the request came through the bot).
 */
public record RequestSnapshot(UUID id, String reference, RequestType type, SubjectLocale locale, String email,
        String name, String subjectKey, Channel channel, String telegramUserId) {

    public RequestSnapshot(UUID id, String reference, RequestType type, SubjectLocale locale, String email,
            String name, String subjectKey) {
        this(id, reference, type, locale, email, name, subjectKey, Channel.WEB, null);
    }

    public static RequestSnapshot of(SubjectRequest request) {
        return new RequestSnapshot(request.id(), request.reference(), request.type(), request.locale(),
                request.contact().emailAsGiven(), request.contact().name(), request.subjectKey(), request.channel(),
                request.contact().telegramUserId());
    }

    /** Whether anything is left to write to (an erased request has neither an address nor a chat). */
    public boolean reachable() {
        return email != null || telegramUserId != null;
    }
}
