package kz.region715.dsr.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Map;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.request.domain.RequestStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing that happened to a request. Public entries are shown to the subject. */
@Entity
@Table(name = "request_timeline_entry")
@EntityListeners(TimelineAudit.class)
public class TimelineEntry {

    public static final String SUBJECT = "subject";
    public static final String SYSTEM = "system";

    @Schema(name = "TimelineEntryKind")
    public enum Kind {
        FILED,
        VERIFIED,
        EXPIRED,
        STATUS_CHANGED,
        DEADLINE_SET,
        ASSIGNED,
        NOTE,
        QUESTION,
        ANSWER,
        APPROVED,
        REJECTED,
        EXTENDED,
        CANCELLED,
        JURISDICTION_CHANGED,
        DUPLICATE_FLAGGED,
        MAIL_SENT,
        MAIL_FAILED,
        SUBJECT_UNREACHABLE,
        MATCH_CONFIRMED,
        MATCH_EXCLUDED,
        EXECUTED,
        EXECUTION_FAILED,
        RETRIED,
        RESTRICTION_LIFTED,
        PACKAGE_DOWNLOADED,
        REDUCED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private SubjectRequest request;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String actor;
    @Column(name = "visible_to_subject")
    private boolean visibleToSubject;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private RequestStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private RequestStatus toStatus;
    private String note;
    /** What the audit trail records of the note (codes, ids, lengths); none: the note's length. */
    @Transient
    private Map<String, Object> auditFacts;

    protected TimelineEntry() {
    }

    static TimelineEntry publicEntry(SubjectRequest request, Instant at, Kind kind, String actor,
            RequestStatus from, RequestStatus to) {
        TimelineEntry entry = new TimelineEntry();
        entry.request = request;
        entry.occurredAt = at;
        entry.kind = kind;
        entry.actor = actor;
        entry.visibleToSubject = true;
        entry.fromStatus = from;
        entry.toStatus = to;
        return entry;
    }

    static TimelineEntry entry(SubjectRequest request, Instant at, Kind kind, String actor, boolean visibleToSubject,
            String note) {
        TimelineEntry entry = new TimelineEntry();
        entry.request = request;
        entry.occurredAt = at;
        entry.kind = kind;
        entry.actor = actor;
        entry.visibleToSubject = visibleToSubject;
        entry.toStatus = request.status();
        entry.note = note;
        return entry;
    }

    void setNote(String note) {
        this.note = note;
    }

    /** The note's codes and the lengths of its free text, for the audit trail, which never holds the text. */
    TimelineEntry auditedAs(Object... keysAndValues) {
        this.auditFacts = AuditTrail.details(keysAndValues);
        return this;
    }

    Map<String, Object> auditFacts() {
        return auditFacts;
    }

    SubjectRequest request() {
        return request;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Kind kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public boolean visibleToSubject() {
        return visibleToSubject;
    }

    public RequestStatus fromStatus() {
        return fromStatus;
    }

    public RequestStatus toStatus() {
        return toStatus;
    }

    public String note() {
        return note;
    }
}
