package kz.region715.dsr.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;
import kz.region715.dsr.deadline.domain.Deadline;

/** When the notice to the authority is due, as the deadline engine computed it at registration, with its basis. */
@Embeddable
class AuthorityDeadline {

    private String jurisdiction;
    @Column(name = "deadline_policy")
    private String policy;
    @Column(name = "deadline_basis")
    private String basis;
    @Column(name = "deadline_citation")
    private String citation;
    @Column(name = "due_last_day")
    private LocalDate lastDay;
    @Column(name = "due_at")
    private Instant dueAt;

    protected AuthorityDeadline() {
    }

    AuthorityDeadline(String jurisdiction, Deadline deadline) {
        this.jurisdiction = jurisdiction;
        this.policy = deadline.policy().id();
        this.basis = deadline.policy().basis().name();
        this.citation = deadline.policy().citation();
        this.lastDay = deadline.lastDay();
        this.dueAt = deadline.dueAt();
    }

    String jurisdiction() {
        return jurisdiction;
    }

    String policy() {
        return policy;
    }

    String basis() {
        return basis;
    }

    String citation() {
        return citation;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    Instant dueAt() {
        return dueAt;
    }
}
