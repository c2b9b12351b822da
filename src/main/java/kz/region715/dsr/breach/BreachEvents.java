package kz.region715.dsr.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the breach register tells other capabilities; no personal data. */
public final class BreachEvents {

    private BreachEvents() {
    }

    /** Breaches whose authority notice crossed a threshold, each claimed once across replicas; the DPO is to be told. */
    public record DeadlineAlerts(List<Alert> dueSoon, List<Alert> overdue, Instant at) {
    }

    /** One breach in an alert: its reference and deadline, nothing of what it holds. */
    public record Alert(String reference, String status, LocalDate lastDay, Instant dueAt) {
    }
}
