package kz.region715.dsr.request;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import java.util.Map;
import kz.region715.dsr.platform.audit.AuditEventType;
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

    /**
     * The audit event of an entry's kind: the type of the same name (TimelineAuditTest checks that every kind has
     * one); none for the e-mails, which the outbox records itself, with staff mail too.
     */
    static AuditEventType typeOf(TimelineEntry.Kind kind) {
        return kind == TimelineEntry.Kind.MAIL_SENT || kind == TimelineEntry.Kind.MAIL_FAILED ? null
                : AuditEventType.valueOf(kind.name());
    }

    @PostPersist
    void persisted(TimelineEntry entry) {
        AuditEventType type = typeOf(entry.kind());
        if (type == null) {
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
        Arc.container().instance(AuditTrail.class).get().record(type, entry.actor(),
                request.reference(), request.subjectKey(), details);
    }
}
