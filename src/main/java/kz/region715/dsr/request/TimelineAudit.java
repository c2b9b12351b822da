package kz.region715.dsr.request;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import java.util.Map;
import java.util.Set;
import kz.region715.dsr.platform.audit.AuditTrail;

/**
 * Every entry of a request's timeline (transitions, decisions, assignments,
 * questions and answers, extensions, exclusions, e-mails, executions,
 * downloads) is also an audit event, in the same transaction. Free texts that
 * may hold personal data (notes, questions, answers, approval notes) are
 * recorded by length only; decisions keep their basis and reason.
 */
public class TimelineAudit {

    /** Kinds whose text is the subject's or an officer's free writing. */
    private static final Set<TimelineEntry.Kind> FREE_TEXT = Set.of(TimelineEntry.Kind.NOTE,
            TimelineEntry.Kind.QUESTION, TimelineEntry.Kind.ANSWER, TimelineEntry.Kind.APPROVED);

    /** Recorded by the outbox itself, with staff mail too. */
    private static final Set<TimelineEntry.Kind> RECORDED_ELSEWHERE = Set.of(TimelineEntry.Kind.MAIL_SENT,
            TimelineEntry.Kind.MAIL_FAILED);

    @PostPersist
    void persisted(TimelineEntry entry) {
        if (RECORDED_ELSEWHERE.contains(entry.kind())) {
            return;
        }
        SubjectRequest request = entry.request();
        String note = entry.note();
        Map<String, Object> details = AuditTrail.details(
                "fromStatus", entry.fromStatus(), "toStatus", entry.toStatus(),
                "visibleToSubject", entry.visibleToSubject(),
                FREE_TEXT.contains(entry.kind()) ? "textLength" : "text",
                FREE_TEXT.contains(entry.kind()) ? (note == null ? null : note.length()) : note,
                "requestType", request.type());
        Arc.container().instance(AuditTrail.class).get().record(entry.kind().name(), entry.actor(),
                request.reference(), request.subjectKey(), details);
    }
}
