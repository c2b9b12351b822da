package kz.region715.dsr.lead;

import java.util.Set;
import java.util.UUID;

/**
 * How a subject's leads are found: by the keyed hash of the verified e-mail or of the verified Telegram user id,
 * and by that of the phone once an officer confirmed it (never the phone alone); minus the leads an
 * officer excluded from the case. Built by {@link SubjectLeads#match}.
 */
public record SubjectMatch(String emailKey, String phoneKey, String telegramKey, Set<UUID> excluded) {

    public SubjectMatch {
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    public SubjectMatch(String emailKey, String phoneKey, Set<UUID> excluded) {
        this(emailKey, phoneKey, null, excluded);
    }

    /** Whether the match can find anyone at all (a request may no longer identify its subject). */
    public boolean identifiesAnyone() {
        return emailKey != null || phoneKey != null || telegramKey != null;
    }
}
