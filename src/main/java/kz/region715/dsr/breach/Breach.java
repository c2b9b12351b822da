package kz.region715.dsr.breach;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.region715.dsr.breach.domain.BreachStatus;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.breach.domain.DiscoveryMethod;
import kz.region715.dsr.breach.domain.NoticeChannel;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.DataSource;

/**
 * A personal-data breach in the register: what happened, to which data, what was done, who is responsible, and
 * where its notices stand. Its status changes only through the methods below, each guarded by the table of
 * {@link BreachStatus}.
 */
@Entity
@Table(name = "breach")
class Breach {

    @Id
    private UUID id;
    private String reference;
    @Enumerated(EnumType.STRING)
    private BreachStatus status;
    @Column(name = "detected_at")
    private Instant detectedAt;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "registered_by")
    private String registeredBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "discovery_method")
    private DiscoveryMethod discoveryMethod;
    @Column(name = "discovery_details")
    private String discoveryDetails;
    private String description;
    /** Codes, comma-separated, in the enum's order. */
    @Column(name = "data_categories")
    private String dataCategories;
    /** Codes, comma-separated, in the enum's order. */
    private String sources;
    /** One system a line. */
    private String systems;
    @Column(name = "window_from")
    private Instant windowFrom;
    @Column(name = "window_to")
    private Instant windowTo;
    @Column(name = "estimated_count")
    private Integer estimatedCount;
    @Column(name = "measures_taken")
    private String measuresTaken;
    @Column(name = "measures_planned")
    private String measuresPlanned;
    @Embedded
    private ResponsiblePerson responsible;
    @Embedded
    private AuthorityDeadline deadline;
    private String assessment;
    @Column(name = "assessed_at")
    private Instant assessedAt;
    @Column(name = "assessed_by")
    private String assessedBy;
    @Column(name = "not_notifiable_basis")
    private String notNotifiableBasis;
    @Column(name = "not_notifiable_reference")
    private String notNotifiableReference;
    @Column(name = "not_notifiable_at")
    private Instant notNotifiableAt;
    @Column(name = "not_notifiable_by")
    private String notNotifiableBy;
    @Embedded
    private AuthorityNotice authorityNotice;
    @Column(name = "subjects_notified_at")
    private Instant subjectsNotifiedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "closure_summary")
    private String closureSummary;
    @Column(name = "affected_leads")
    private Integer affectedLeads;
    @Column(name = "affected_people")
    private Integer affectedPeople;
    @Column(name = "affected_frozen_at")
    private Instant affectedFrozenAt;
    @Column(name = "subjects_notified")
    private Integer subjectsNotified;
    @Column(name = "subjects_unreachable")
    private Integer subjectsUnreachable;
    @Column(name = "subject_notices_started_at")
    private Instant subjectNoticesStartedAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "breach_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<BreachNote> notes = new ArrayList<>();

    protected Breach() {
    }

    /** What happened, as the officer registers it. */
    record Facts(Instant detectedAt, DiscoveryMethod discoveryMethod, String discoveryDetails, String description,
            Set<DataCategory> dataCategories, Set<DataSource> sources, List<String> systems, Instant windowFrom,
            Instant windowTo, Integer estimatedCount, String measuresTaken, String measuresPlanned,
            ResponsiblePerson responsible) {
    }

    static Breach register(String reference, Facts facts, AuthorityDeadline deadline, String actor, Instant at) {
        if (facts.dataCategories().isEmpty() || facts.sources().isEmpty()) {
            throw new IllegalArgumentException("a breach concerns at least one data category and one source");
        }
        Breach breach = new Breach();
        breach.id = UUID.randomUUID();
        breach.reference = reference;
        breach.status = BreachStatus.DETECTED;
        breach.detectedAt = facts.detectedAt();
        breach.registeredAt = at;
        breach.registeredBy = actor;
        breach.discoveryMethod = facts.discoveryMethod();
        breach.discoveryDetails = facts.discoveryDetails();
        breach.description = facts.description();
        breach.dataCategories = codes(facts.dataCategories());
        breach.sources = codes(facts.sources());
        breach.systems = facts.systems().isEmpty() ? null : String.join("\n", facts.systems());
        breach.windowFrom = facts.windowFrom();
        breach.windowTo = facts.windowTo();
        breach.estimatedCount = facts.estimatedCount();
        breach.measuresTaken = facts.measuresTaken();
        breach.measuresPlanned = facts.measuresPlanned();
        breach.responsible = facts.responsible();
        breach.deadline = deadline;
        return breach;
    }

    /** The assessment is done; measures and the estimate may be brought up to date with it. */
    void assess(String assessment, String measuresTaken, String measuresPlanned, Integer estimatedCount,
            String actor, Instant at) {
        status = status.moveTo(BreachStatus.ASSESSED);
        this.assessment = assessment;
        this.assessedAt = at;
        this.assessedBy = actor;
        if (measuresTaken != null) {
            this.measuresTaken = measuresTaken;
        }
        if (measuresPlanned != null) {
            this.measuresPlanned = measuresPlanned;
        }
        if (estimatedCount != null) {
            this.estimatedCount = estimatedCount;
        }
    }

    /** No notice is owed, on the legal basis given; only before the authority is notified. */
    void declareNotNotifiable(String legalBasis, String legalReference, String actor, Instant at) {
        status = status.moveTo(BreachStatus.NOT_NOTIFIABLE);
        this.notNotifiableBasis = legalBasis;
        this.notNotifiableReference = legalReference;
        this.notNotifiableAt = at;
        this.notNotifiableBy = actor;
    }

    /** Records that the authority was notified; the notice cannot predate the detection or lie in the future. */
    void recordAuthorityNotice(Instant sentAt, NoticeChannel channel, String noticeReference, String actor,
            Instant at, Instant latestAllowed) {
        if (sentAt.isBefore(detectedAt)) {
            throw DomainRuleViolation.invalidField("sentAt", "must not be before the breach was detected");
        }
        if (sentAt.isAfter(latestAllowed)) {
            throw DomainRuleViolation.invalidField("sentAt", "must not be in the future");
        }
        status = status.moveTo(BreachStatus.AUTHORITY_NOTIFIED);
        this.authorityNotice = new AuthorityNotice(sentAt, channel, noticeReference, at, actor);
    }

    /** Closes the breach: never while its notice to the authority is owed and unrecorded. */
    void close(String summary, String actor, Instant at) {
        if (status.authorityNoticeDue()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "authority-notice-unrecorded", null,
                    "The notice to the authority is due and not recorded: record it (authority-notification) or "
                            + "record why none is owed (not-notifiable) before closing.",
                    List.of(), Map.of("currentStatus", status.name(), "requestedStatus", BreachStatus.CLOSED.name(),
                            "dueAt", deadline.dueAt().toString()));
        }
        if (subjectNoticesStartedAt != null && status == BreachStatus.AUTHORITY_NOTIFIED) {
            throw noticesUnderWay();
        }
        status = status.moveTo(BreachStatus.CLOSED);
        this.closedAt = at;
        this.closedBy = actor;
        this.closureSummary = summary;
    }

    /**
     * Records that the set of affected leads was frozen (again): possible until the people in it are notified, and
     * not once the breach is closed; a new set replaces the old one, since no notice went out from it yet.
     */
    void freezeAffected(long leads, long people, Instant at) {
        requireAffectedSetOpen();
        this.affectedLeads = Math.toIntExact(leads);
        this.affectedPeople = Math.toIntExact(people);
        this.affectedFrozenAt = at;
    }

    /** Throws unless the affected set may still be selected and frozen. */
    void requireAffectedSetOpen() {
        if (status == BreachStatus.SUBJECTS_NOTIFIED || status == BreachStatus.CLOSED
                || subjectNoticesStartedAt != null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "affected-set-locked", null,
                    "The affected people can no longer be changed: they are being or were notified, or the breach is "
                            + "closed.",
                    List.of(), Map.of("currentStatus", status.name()));
        }
    }

    /**
     * Starts the notices to the people affected: only once the authority was notified and the set is frozen, and
     * only once. From here the set cannot change and the breach cannot be closed until the last round is done.
     */
    void startSubjectNotices(Instant at) {
        status.moveTo(BreachStatus.SUBJECTS_NOTIFIED);
        if (affectedFrozenAt == null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "affected-set-missing", null,
                    "Select and freeze the affected people (affected-set) before notifying them.",
                    List.of(), Map.of("currentStatus", status.name()));
        }
        if (subjectNoticesStartedAt != null) {
            throw noticesUnderWay();
        }
        this.subjectNoticesStartedAt = at;
    }

    private DomainRuleViolation noticesUnderWay() {
        return new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "subject-notices-under-way", null,
                "The notices to the people affected are being queued; the breach moves to SUBJECTS_NOTIFIED when the "
                        + "last of them is.",
                List.of(), Map.of("currentStatus", status.name(), "noticesStartedAt",
                        subjectNoticesStartedAt.toString()));
    }

    /** The last round of notices is queued: how many people were written to, and how many could not be reached. */
    void recordSubjectNotices(long notified, long unreachable, Instant at) {
        if (subjectNoticesStartedAt == null) {
            throw new IllegalStateException("notices recorded before they were started");
        }
        status = status.moveTo(BreachStatus.SUBJECTS_NOTIFIED);
        this.subjectsNotified = Math.toIntExact(notified);
        this.subjectsUnreachable = Math.toIntExact(unreachable);
        this.subjectsNotifiedAt = at;
    }

    Integer affectedLeads() {
        return affectedLeads;
    }

    Integer affectedPeople() {
        return affectedPeople;
    }

    Instant affectedFrozenAt() {
        return affectedFrozenAt;
    }

    Integer subjectsNotified() {
        return subjectsNotified;
    }

    Integer subjectsUnreachable() {
        return subjectsUnreachable;
    }

    BreachNote addNote(String text, String actor, Instant at) {
        BreachNote note = new BreachNote(text, actor, at);
        notes.add(note);
        return note;
    }

    /** Whether the notice to the authority is owed and its term has run out at {@code now}. */
    boolean isOverdue(Instant now) {
        return status.authorityNoticeDue() && now.isAfter(deadline.dueAt());
    }

    UUID id() {
        return id;
    }

    String reference() {
        return reference;
    }

    BreachStatus status() {
        return status;
    }

    Instant detectedAt() {
        return detectedAt;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    String registeredBy() {
        return registeredBy;
    }

    DiscoveryMethod discoveryMethod() {
        return discoveryMethod;
    }

    String discoveryDetails() {
        return discoveryDetails;
    }

    String description() {
        return description;
    }

    Set<DataCategory> dataCategories() {
        return parse(dataCategories, DataCategory.class, DataCategory::valueOf);
    }

    Set<DataSource> sources() {
        return parse(sources, DataSource.class, DataSource::valueOf);
    }

    List<String> systems() {
        return systems == null ? List.of() : List.of(systems.split("\n"));
    }

    Instant windowFrom() {
        return windowFrom;
    }

    Instant windowTo() {
        return windowTo;
    }

    Integer estimatedCount() {
        return estimatedCount;
    }

    String measuresTaken() {
        return measuresTaken;
    }

    String measuresPlanned() {
        return measuresPlanned;
    }

    ResponsiblePerson responsible() {
        return responsible;
    }

    AuthorityDeadline deadline() {
        return deadline;
    }

    String assessment() {
        return assessment;
    }

    Instant assessedAt() {
        return assessedAt;
    }

    String assessedBy() {
        return assessedBy;
    }

    String notNotifiableBasis() {
        return notNotifiableBasis;
    }

    String notNotifiableReference() {
        return notNotifiableReference;
    }

    Instant notNotifiableAt() {
        return notNotifiableAt;
    }

    String notNotifiableBy() {
        return notNotifiableBy;
    }

    /** The recorded notice to the authority, or null. */
    AuthorityNotice authorityNotice() {
        return authorityNotice == null || !authorityNotice.isRecorded() ? null : authorityNotice;
    }

    Instant subjectsNotifiedAt() {
        return subjectsNotifiedAt;
    }

    Instant subjectNoticesStartedAt() {
        return subjectNoticesStartedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    String closedBy() {
        return closedBy;
    }

    String closureSummary() {
        return closureSummary;
    }

    long version() {
        return version;
    }

    List<BreachNote> notes() {
        return List.copyOf(notes);
    }

    static <E extends Enum<E>> String codes(Collection<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> parse(String codes, Class<E> type, Function<String, E> valueOf) {
        Set<E> set = EnumSet.noneOf(type);
        Arrays.stream(codes.split(",")).filter(c -> !c.isEmpty()).map(valueOf).forEach(set::add);
        return set;
    }
}
