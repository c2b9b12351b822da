package kz.region715.dsr.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the breach register tells other capabilities; no personal data except where a notice needs its address. */
public final class BreachEvents {

    private BreachEvents() {
    }

    /** Breaches whose authority notice crossed a threshold, each claimed once across replicas; the DPO is to be told. */
    public record DeadlineAlerts(List<Alert> dueSoon, List<Alert> overdue, Instant at) {
    }

    /** One breach in an alert: its reference and deadline, nothing of what it holds. */
    public record Alert(String reference, String status, LocalDate lastDay, Instant dueAt) {
    }

    /**
     * A notice to a person the breach affected, claimed once for them (breach_notice): to be queued in this
     * transaction under {@code messageId}. The address and name are for the mail only; the trail files it under the
     * breach's reference and the person's e-mail pseudonym {@code subjectKey}.
     *
     * @param categories the categories of the person's data involved (codes of the privacy policy's section 2)
     * @param telegramUserId where the notice goes in Telegram when there is no address ({@code recipient} null)
     */
    public record SubjectNotice(UUID messageId, String reference, String subjectKey, String recipient, String name,
            String lang, Instant detectedAt, String description, List<String> categories, String measuresTaken,
            String measuresPlanned, String telegramUserId) {
    }
}
