package kz.region715.dsr.breach;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Breaches as the API shows them, with where their deadline stands at a given instant. */
@ApplicationScoped
class BreachViews {

    private final BreachClock clock;
    private final BreachSubjects subjects;

    BreachViews(BreachClock clock, BreachSubjects subjects) {
        this.clock = clock;
        this.subjects = subjects;
    }

    static String etag(Breach breach) {
        return "\"" + breach.version() + "\"";
    }

    BreachView of(Breach b, Instant now) {
        AuthorityDeadline d = b.deadline();
        ResponsiblePerson r = b.responsible();
        AuthorityNotice notice = b.authorityNotice();
        return new BreachView(b.id(), b.reference(), b.status(), b.detectedAt(), b.registeredAt(), b.registeredBy(),
                new BreachView.Discovery(b.discoveryMethod(), b.discoveryDetails()), b.description(),
                b.dataCategories(), b.sources(), b.systems(),
                b.windowFrom() == null ? null : new BreachView.Window(b.windowFrom(), b.windowTo()),
                b.estimatedCount(), b.measuresTaken(), b.measuresPlanned(),
                new BreachView.Responsible(r.name(), r.position(), r.email(), r.phone()),
                new BreachView.AuthorityDeadline(d.jurisdiction(), d.policy(), d.basis(), d.citation(), d.lastDay(),
                        d.dueAt(), clock.workingDaysLeft(b, now), b.status().authorityNoticeDue(), b.isOverdue(now)),
                b.assessedAt() == null ? null
                        : new BreachView.Assessment(b.assessment(), b.assessedAt(), b.assessedBy()),
                b.notNotifiableAt() == null ? null : new BreachView.NotNotifiable(b.notNotifiableBasis(),
                        b.notNotifiableReference(), b.notNotifiableAt(), b.notNotifiableBy()),
                notice == null ? null : new BreachView.AuthorityNotice(notice.sentAt(), notice.channel(),
                        notice.reference(), notice.recordedAt(), notice.recordedBy(),
                        notice.sentAt().isAfter(d.dueAt())),
                b.closedAt() == null ? null : new BreachView.Closure(b.closedAt(), b.closedBy(), b.closureSummary()),
                b.affectedFrozenAt() == null ? null : new BreachView.Affected(b.affectedLeads(), b.affectedPeople(),
                        b.affectedFrozenAt(), b.subjectsNotified(), b.subjectsUnreachable(), b.subjectsNotifiedAt(),
                        b.subjectNoticesStartedAt(), b.subjectNoticesStartedAt() == null ? null
                                : b.subjectsNotified() != null ? Long.valueOf(b.subjectsNotified())
                                : subjects.notices(b.id())),
                etag(b),
                b.notes().stream().map(n -> new BreachView.Note(n.id() == null ? 0 : n.id(), n.writtenAt(),
                        n.author(), n.text())).toList());
    }

    BreachSummary summary(Breach b, Instant now) {
        return new BreachSummary(b.id(), b.reference(), b.status(), b.detectedAt(), b.deadline().lastDay(),
                b.deadline().dueAt(), clock.workingDaysLeft(b, now), b.isOverdue(now), b.estimatedCount());
    }
}
