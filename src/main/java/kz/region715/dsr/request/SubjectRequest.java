package kz.region715.dsr.request;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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
import kz.region715.dsr.request.domain.Channel;
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
    private String email;
    @Column(name = "subject_key")
    private String subjectKey;
    private String name;
    private String phone;
    private String details;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "access_token_hash")
    private String accessTokenHash;
    @Column(name = "personal_data_erased_at")
    private Instant personalDataErasedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected SubjectRequest() {
    }

    /** A newly filed request, waiting for its e-mail to be verified. */
    public static SubjectRequest file(UUID id, String reference, RequestType type, Channel channel,
            SubjectLocale locale, String email, String subjectKey, String name, String phone, String detailsJson,
            Instant at) {
        SubjectRequest request = new SubjectRequest();
        request.id = id;
        request.reference = reference;
        request.type = type;
        request.channel = channel;
        request.locale = locale.tag();
        request.email = email;
        request.subjectKey = subjectKey;
        request.name = name;
        request.phone = phone;
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

    /** Not verified in time: expired, and the personal data held only for it erased. */
    public void expire(Instant at, String actor) {
        moveTo(RequestStatus.EXPIRED, at, actor, TimelineEntry.Kind.EXPIRED);
        erasePersonalData(at);
    }

    /** Changes the status if the state machine allows it, and records the change on the timeline. */
    public void moveTo(RequestStatus next, Instant at, String actor, TimelineEntry.Kind kind) {
        RequestStatus from = status;
        this.status = RequestLifecycle.transition(from, next);
        this.statusChangedAt = at;
        record(TimelineEntry.publicEntry(this, at, kind, actor, from, next));
    }

    private void erasePersonalData(Instant at) {
        email = null;
        subjectKey = null;
        name = null;
        phone = null;
        details = null;
        accessTokenHash = null;
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

    public String email() {
        return email;
    }

    public String subjectKey() {
        return subjectKey;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
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

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public String accessTokenHash() {
        return accessTokenHash;
    }

    public Instant personalDataErasedAt() {
        return personalDataErasedAt;
    }

    public long version() {
        return version;
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }
}
