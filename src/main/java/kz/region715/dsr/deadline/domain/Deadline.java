package kz.region715.dsr.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A computed deadline: the last working day and the instant it ends (23:59:59 of lastDay in the operator's zone). */
public record Deadline(DeadlinePolicy policy, LocalDate lastDay, Instant dueAt, int extensionsGranted,
        int pausedWorkingDays) {

    public Deadline {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(dueAt, "dueAt");
        if (extensionsGranted < 0 || pausedWorkingDays < 0) {
            throw new IllegalArgumentException("extensions and paused days cannot be negative");
        }
    }
}
