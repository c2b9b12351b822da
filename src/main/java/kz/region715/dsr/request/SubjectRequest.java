package kz.region715.dsr.request;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.Channel;
import kz.region715.dsr.request.domain.Reference;
import kz.region715.dsr.request.domain.RejectionBasis;
import kz.region715.dsr.request.domain.RequestLifecycle;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.request.domain.SubjectLocale;

/**
 * A data subject's request: the aggregate root of the request capability.
 * Every status change goes through {@link #moveTo}, which the state machine
 * guards; personal data lives only in the columns {@link #erasePersonalData}
 * clears.
 */
@Entity
@Table(name = "subject_request")
public class SubjectRequest {

    @Id
    private UUID id;
    private String reference;
    @Enumerated(EnumType.STRING)
    private RequestType type;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String locale;
    @Embedded
    private Contact contact;
    @Column(name = "subject_key")
    private String subjectKey;
    private String details;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "access_token_hash")
    private String accessTokenHash;
    /** A status link sent again, not used yet: the link the subject holds keeps working until it is. */
    @Column(name = "access_token_pending_hash")
    private String accessTokenPendingHash;
    @Column(name = "personal_data_erased_at")
    private Instant personalDataErasedAt;
    @Embedded
    private CaseDeadline deadline;
    private String assignee;
    @Column(name = "duplicate_of")
    private UUID duplicateOf;
    @Embedded
    private Decision decision;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "phone_confirmed_by")
    private String phoneConfirmedBy;
    @Column(name = "phone_confirmed_at")
    private Instant phoneConfirmedAt;
    @Column(name = "unreachable_at")
    private Instant unreachableAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected SubjectRequest() {
    }

    /** A newly filed request, waiting for its e-mail to be verified. */
    public static SubjectRequest file(UUID id, Reference reference, RequestType type, Channel channel,
            SubjectLocale locale, Contact contact, String subjectKey, String detailsJson, Instant at) {
        SubjectRequest request = new SubjectRequest();
        request.id = id;
        request.reference = reference.value();
        request.type = type;
        request.channel = channel;
        request.locale = locale.tag();
        request.contact = contact;
        request.deadline = CaseDeadline.unset(); // its counters are NOT NULL columns: 0 until a deadline is set
        request.decision = Decision.none();
        request.subjectKey = subjectKey;
        request.details = detailsJson;
        request.receivedAt = at;
        request.status = RequestStatus.PENDING_VERIFICATION;
        request.statusChangedAt = at;
        request.record(TimelineEntry.publicEntry(request, at, TimelineEntry.Kind.FILED, TimelineEntry.SUBJECT,
                null, RequestStatus.PENDING_VERIFICATION));
        return request;
    }

    /** The subject proved the e-mail address: the only way out of PENDING_VERIFICATION into OPEN. */
    public void markVerified(Instant at, String accessTokenHash) {
        moveTo(RequestStatus.OPEN, at, TimelineEntry.SUBJECT, TimelineEntry.Kind.VERIFIED);
        this.verifiedAt = at;
        this.accessTokenHash = accessTokenHash;
    }

    /**
     * A new access token for the status link (the subject lost the e-mail),
     * pending until its first use: anyone who knows the request's id may ask
     * for it, so it must not disable the link the subject already holds. A
     * pending token not used yet is replaced. Only for a verified request that
     * still has an address to write to.
     */
    public void reissueAccessToken(String pendingHash) {
        checkAccessTokenReissuable();
        this.accessTokenPendingHash = pendingHash;
    }

    /** Fails as {@link #reissueAccessToken} would, changing nothing. */
    public void checkAccessTokenReissuable() {
        if (status == RequestStatus.EXPIRED) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.GONE, "request-expired",
                    "This request expired before it was verified. Please file a new one.");
        }
        if (!status.isVerified()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "not-verified",
                    "This request is not verified yet; confirm the e-mail address first.",
                    java.util.Map.of("currentStatus", status.name()));
        }
        if (!contact().reachable() || this.accessTokenHash == null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.GONE, "request-reduced",
                    "The details of this request were deleted after its retention period.");
        }
    }

    /** The re-sent link was used: it becomes the request's access token, and the old one stops working. */
    public void promotePendingAccessToken() {
        if (accessTokenPendingHash != null) {
            this.accessTokenHash = accessTokenPendingHash;
            this.accessTokenPendingHash = null;
        }
    }

    /** Not verified in time: expired, and the personal data held only for it erased. */
    public void expire(Instant at, String actor) {
        moveTo(RequestStatus.EXPIRED, at, actor, TimelineEntry.Kind.EXPIRED);
        erasePersonalData(at);
    }

    /** Changes the status if the state machine allows it, and records the change on the timeline. */
    private void moveTo(RequestStatus next, Instant at, String actor, TimelineEntry.Kind kind) {
        moveTo(next, at, actor, kind, null);
    }

    private TimelineEntry moveTo(RequestStatus next, Instant at, String actor, TimelineEntry.Kind kind, String note) {
        RequestStatus from = status;
        this.status = RequestLifecycle.transition(from, next);
        this.statusChangedAt = at;
        if (next.isTerminal()) {
            this.closedAt = at;
        }
        TimelineEntry entry = TimelineEntry.publicEntry(this, at, kind, actor, from, next);
        entry.setNote(note);
        record(entry);
        return entry;
    }

    // ---- Case work. Every method checks the state it needs; the state machine guards the status. ----

    /** The deadline that applies from now on (at verification, after an extension, a pause or a new jurisdiction). */
    public void applyDeadline(String jurisdiction, Deadline deadline) {
        this.deadline = deadline().apply(jurisdiction, deadline);
    }

    /** Records the first deadline, set when the request is verified. */
    public void startDeadline(String jurisdiction, Deadline deadline, Instant at) {
        requireStatus("set a deadline", RequestStatus.OPEN);
        applyDeadline(jurisdiction, deadline);
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.DEADLINE_SET, TimelineEntry.SYSTEM, true,
                deadline.policy().id() + " " + deadline.lastDay())
                .auditedAs("policy", deadline.policy().id(), "lastDay", deadline.lastDay()));
    }

    public void assign(String officer, String actor, Instant at) {
        requireOpenCase("assign");
        this.assignee = officer;
        if (status == RequestStatus.OPEN) {
            moveTo(RequestStatus.IN_REVIEW, at, actor, TimelineEntry.Kind.STATUS_CHANGED);
        }
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.ASSIGNED, actor, false, officer)
                .auditedAs("assignee", officer));
    }

    /** An internal note: never shown to the subject. */
    public void addNote(String text, String actor, Instant at) {
        requireVerified("add a note");
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.NOTE, actor, false, text));
    }

    /** A question to the subject; the case waits for the answer. */
    public void ask(String question, String actor, Instant at) {
        moveTo(RequestStatus.AWAITING_SUBJECT, at, actor, TimelineEntry.Kind.QUESTION, question);
        this.deadline = deadline().pausedSince(at);
    }

    /** The subject's answer; returns when the wait began (to shift the deadline if the policy pauses). */
    public Instant answer(String text, Instant at) {
        Instant waitingSince = deadline().pausedSince();
        moveTo(RequestStatus.IN_REVIEW, at, TimelineEntry.SUBJECT, TimelineEntry.Kind.ANSWER, text);
        this.deadline = deadline().pausedSince(null);
        return waitingSince;
    }

    public void approve(String note, String actor, Instant at) {
        moveTo(RequestStatus.APPROVED, at, actor, TimelineEntry.Kind.APPROVED, note);
        this.decision = Decision.approved(actor, at);
    }

    public void reject(RejectionBasis basis, String reason, String actor, Instant at) {
        moveTo(RequestStatus.REJECTED, at, actor, TimelineEntry.Kind.REJECTED, basis + ": " + reason)
                .auditedAs("legalBasis", basis, "reasonLength", AuditTrail.lengthOf(reason));
        this.decision = Decision.rejected(basis, reason, actor, at);
        this.deadline = deadline().pausedSince(null);
    }

    public void extend(Deadline extended, String reason, String actor, Instant at) {
        requireOpenCase("extend");
        applyDeadline(deadline().jurisdiction(), extended);
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.EXTENDED, actor, true, reason));
    }

    public void cancel(CancellationReason reason, String note, String actor, Instant at) {
        moveTo(RequestStatus.CANCELLED, at, actor, TimelineEntry.Kind.CANCELLED,
                note == null ? reason.name() : reason + ": " + note)
                .auditedAs("reason", reason, "noteLength", AuditTrail.lengthOf(note));
        this.decision = Decision.cancelled(reason, actor, at);
        this.deadline = deadline().pausedSince(null);
    }

    public void changeJurisdiction(String newJurisdiction, Deadline deadline, String reason, String actor, Instant at) {
        requireOpenCase("change the jurisdiction of");
        String from = deadline().jurisdiction();
        applyDeadline(newJurisdiction, deadline);
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.JURISDICTION_CHANGED, actor, false,
                from + " -> " + newJurisdiction + ": " + reason)
                .auditedAs("fromJurisdiction", from, "toJurisdiction", newJurisdiction,
                        "reasonLength", AuditTrail.lengthOf(reason)));
    }

    /** An officer confirmed that the phone the subject gave is theirs: leads with it count as the subject's. */
    public void confirmPhone(String actor, Instant at) {
        requireUndecided("confirm the phone of");
        if (contact().phoneE164() == null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.UNPROCESSABLE, "no-phone",
                    "The subject gave no phone number with this request.");
        }
        this.phoneConfirmedBy = actor;
        this.phoneConfirmedAt = at;
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.MATCH_CONFIRMED, actor, false, "PHONE")
                .auditedAs("match", "PHONE"));
    }
    /** A lead that matched but is not the subject's; only before the decision. */
    public void excludeMatch(UUID leadId, String reason, String actor, Instant at) {
        requireUndecided("exclude a match of");
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.MATCH_EXCLUDED, actor, false, leadId + ": " + reason)
                .auditedAs("lead", leadId, "reasonLength", AuditTrail.lengthOf(reason)));
    }

    /** Another open request of the same subject and type exists: flagged, for an officer to decide. */
    public void flagDuplicateOf(UUID other, String otherReference, Instant at) {
        this.duplicateOf = other;
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.DUPLICATE_FLAGGED, TimelineEntry.SYSTEM, false,
                otherReference).auditedAs("duplicateOf", otherReference));
    }

    /** An e-mail about this request was delivered, or finally failed. */
    public void recordMail(String kind, boolean delivered, Instant at) {
        if (delivered) {
            unreachableAt = null;
        }
        record(TimelineEntry.entry(this, at, delivered ? TimelineEntry.Kind.MAIL_SENT : TimelineEntry.Kind.MAIL_FAILED,
                TimelineEntry.SYSTEM, false, kind));
    }

    /**
     * The channel the subject used refuses our messages for good (the subject blocked the bot): officers see it on
     * the case; recorded once, until the subject is reached again.
     */
    public void markUnreachable(String channel, Instant at) {
        if (unreachableAt != null) {
            return;
        }
        unreachableAt = at;
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.SUBJECT_UNREACHABLE, TimelineEntry.SYSTEM, false,
                channel));
    }

    /** When the subject was found unreachable on the channel they used; null while they can be written to. */
    public Instant unreachableAt() {
        return unreachableAt;
    }

    // ---- Execution of an approved request. ----

    /** A worker claimed the approved request; a retried one is already EXECUTING. */
    public void startExecution(Instant at) {
        if (status != RequestStatus.EXECUTING) {
            moveTo(RequestStatus.EXECUTING, at, TimelineEntry.SYSTEM, TimelineEntry.Kind.STATUS_CHANGED);
        }
    }

    /** Done: {@code summary} says what was done, without personal data. */
    public void completeExecution(String summary, Instant at) {
        moveTo(RequestStatus.COMPLETED, at, TimelineEntry.SYSTEM, TimelineEntry.Kind.EXECUTED, summary)
                .auditedAs("summary", summary);
    }

    /** Out of tries: an officer has to look, and may retry. */
    public void failExecution(String error, Instant at) {
        moveTo(RequestStatus.FAILED, at, TimelineEntry.SYSTEM, TimelineEntry.Kind.EXECUTION_FAILED, error)
                .auditedAs("error", error);
    }

    public void retryExecution(String actor, Instant at) {
        moveTo(RequestStatus.EXECUTING, at, actor, TimelineEntry.Kind.RETRIED);
    }

    /** An officer lifted the block a completed restriction put on the subject's data. */
    public void recordRestrictionLifted(String reason, String actor, Instant at) {
        if (status != RequestStatus.COMPLETED || type != RequestType.RESTRICTION) {
            throw new CaseRuleViolation("lift the restriction of", status);
        }
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.RESTRICTION_LIFTED, actor, true, reason));
    }

    public void recordPackageDownload(Instant at) {
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.PACKAGE_DOWNLOADED, TimelineEntry.SUBJECT, true, null));
    }

    /**
     * The request is closed and its retention is over: what identifies the
     * subject goes, and so does the free text they or officers wrote; the
     * pseudonymous subject key, the decisions and the timeline stay as proof
     * of handling.
     */
    public void reduceToProof(Instant at) {
        if (!status.isTerminal()) {
            throw new CaseRuleViolation("reduce", status);
        }
        String key = subjectKey;
        erasePersonalData(at);
        subjectKey = key;
        for (TimelineEntry entry : timeline) {
            if (entry.kind() == TimelineEntry.Kind.QUESTION || entry.kind() == TimelineEntry.Kind.ANSWER
                    || entry.kind() == TimelineEntry.Kind.NOTE) {
                entry.setNote(null);
            }
        }
        record(TimelineEntry.entry(this, at, TimelineEntry.Kind.REDUCED, TimelineEntry.SYSTEM, false, null));
    }

    private void requireStatus(String action, RequestStatus expected) {
        if (status != expected) {
            throw new CaseRuleViolation(action, status);
        }
    }

    private void requireVerified(String action) {
        if (!status.isVerified()) {
            throw new CaseRuleViolation(action, status);
        }
    }

    private void requireUndecided(String action) {
        if (status != RequestStatus.OPEN && status != RequestStatus.IN_REVIEW
                && status != RequestStatus.AWAITING_SUBJECT) {
            throw new CaseRuleViolation(action, status);
        }
    }

    private void requireOpenCase(String action) {
        if (!status.isOpenCase()) {
            throw new CaseRuleViolation(action, status);
        }
    }

    private void erasePersonalData(Instant at) {
        contact = Contact.erased();
        subjectKey = null;
        details = null;
        accessTokenHash = null;
        accessTokenPendingHash = null;
        personalDataErasedAt = at;
    }

    private void record(TimelineEntry entry) {
        timeline.add(entry);
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public RequestType type() {
        return type;
    }

    public RequestStatus status() {
        return status;
    }

    public Channel channel() {
        return channel;
    }

    public SubjectLocale locale() {
        return SubjectLocale.ofTag(locale);
    }

    /** How to reach the subject; erased (all null) once the personal data is gone. */
    public Contact contact() {
        return contact == null ? Contact.erased() : contact; // Hibernate loads an all-null embeddable as null
    }

    /** The keyed hash of the normalised e-mail: the subject's pseudonym, kept as proof after reduction. */
    public String subjectKey() {
        return subjectKey;
    }

    /** The keyed hash of the verified e-mail (a lead's e-mail key), for a web request; null for the bot's. */
    public String emailKey() {
        return channel == Channel.TELEGRAM_BOT ? null : subjectKey;
    }

    /** The keyed hash of the verified Telegram user id (a lead's Telegram key), for the bot's requests; else null. */
    public String telegramKey() {
        return channel == Channel.TELEGRAM_BOT ? subjectKey : null;
    }

    public String detailsJson() {
        return details;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    /** The keyed hash of the status link's token (never the token); null before verification and once erased. */
    public String accessTokenHash() {
        return accessTokenHash;
    }

    String accessTokenPendingHash() {
        return accessTokenPendingHash;
    }

    public Instant personalDataErasedAt() {
        return personalDataErasedAt;
    }

    public long version() {
        return version;
    }

    /** The case's deadline; unset (see {@link CaseDeadline#isSet}) before verification. */
    public CaseDeadline deadline() {
        return deadline == null ? CaseDeadline.unset() : deadline;
    }

    public String assignee() {
        return assignee;
    }

    public UUID duplicateOf() {
        return duplicateOf;
    }

    /** How the case was decided; not made (see {@link Decision#isMade}) before the decision. */
    public Decision decision() {
        return decision == null ? Decision.none() : decision;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** Whether an officer confirmed that the phone the subject gave is theirs. */
    public boolean phoneConfirmed() {
        return phoneConfirmedAt != null;
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }
}
