package kz.region715.dsr.request;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import java.util.Map;
import java.util.Set;
import kz.region715.dsr.platform.audit.AuditTrail;

/**
 * Every entry of a request's timeline (transitions, decisions, assignments,
 * questions and answers, extensions, exclusions, e-mails, executions,
 * downloads) is also an audit event, in the same transaction. The trail keeps
 * no free text, since it keeps everything forever: an entry's note is recorded
 * as the facts its entry names (a decision's basis or reason code, a lead id,
 * an officer id, jurisdiction codes, the lengths of the texts), or else by its
 * length alone. Officers read the notes on the timeline, which retention reduces.
 */
public class TimelineAudit {

    /** Recorded by the outbox itself, with staff mail too. */
    private static final Set<TimelineEntry.Kind> RECORDED_ELSEWHERE = Set.of(TimelineEntry.Kind.MAIL_SENT,
            TimelineEntry.Kind.MAIL_FAILED);

    @PostPersist
    void persisted(TimelineEntry entry) {
        if (RECORDED_ELSEWHERE.contains(entry.kind())) {
            return;
        }
        SubjectRequest request = entry.request();
        Map<String, Object> details = AuditTrail.details(
                "fromStatus", entry.fromStatus(), "toStatus", entry.toStatus(),
                "visibleToSubject", entry.visibleToSubject(), "requestType", request.type());
        if (entry.auditFacts() != null) {
            details.putAll(entry.auditFacts());
        } else {
            details.putAll(AuditTrail.details("textLength", AuditTrail.lengthOf(entry.note())));
        }
        Arc.container().instance(AuditTrail.class).get().record(entry.kind().name(), entry.actor(),
                request.reference(), request.subjectKey(), details);
    }
}
