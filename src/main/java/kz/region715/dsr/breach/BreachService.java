package kz.region715.dsr.breach;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import kz.region715.dsr.audit.AuditHistory;
import kz.region715.dsr.breach.domain.DataCategory;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.http.KeysetCursor;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.platform.text.Text;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import org.jboss.logging.Logger;

/**
 * The breach register: officers register breaches and record what was done about them. Every change needs the
 * breach's current ETag, goes through the breach's guarded transitions and is recorded in the audit trail under
 * the breach's reference, by codes, counts and lengths (never its texts, never the responsible person's contacts).
 */
@ApplicationScoped
public class BreachService {

    private static final Logger LOG = Logger.getLogger(BreachService.class);
    /** How far ahead of the service's clock a client's "now" may be (clock skew) before it counts as the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final BreachRepository breaches;
    private final BreachClock breachClock;
    private final BreachViews views;
    private final AuditTrail audit;
    private final AuditHistory history;
    private final EntityManager em;
    private final Clock clock;
    private final OperatorConfig operator;
    private final SecurityIdentity identity;
    private final AffectedPeople affected;
    private final SubjectNoticeRounds noticeRounds;

    BreachService(BreachRepository breaches, BreachClock breachClock, BreachViews views, AuditTrail audit,
            AuditHistory history, EntityManager em, Clock clock, OperatorConfig operator, SecurityIdentity identity,
            AffectedPeople affected, SubjectNoticeRounds noticeRounds) {
        this.breaches = breaches;
        this.breachClock = breachClock;
        this.views = views;
        this.audit = audit;
        this.history = history;
        this.em = em;
        this.clock = clock;
        this.operator = operator;
        this.identity = identity;
        this.affected = affected;
        this.noticeRounds = noticeRounds;
    }

    @Transactional
    public BreachView register(BreachCommands.Register command) {
        Instant now = clock.instant();
        Breach.Facts facts = facts(command, now);
        Deadline deadline = breachClock.start(facts.detectedAt());
        String reference = "BR-%04d-%06d".formatted(now.atZone(operator.timeZone()).getYear(),
                breaches.nextReferenceNumber());
        Breach breach = Breach.register(reference, facts,
                new AuthorityDeadline(breachClock.jurisdiction(), deadline), actor(), now);
        breaches.persist(breach);
        audit.record(AuditEventType.BREACH_REGISTERED, actor(), reference, null, AuditTrail.details(
                "toStatus", breach.status(), "detectedAt", facts.detectedAt(), "discovery", facts.discoveryMethod(),
                "categories", Breach.codes(facts.dataCategories()), "sources", Breach.codes(facts.sources()),
                "systems", facts.systems().size(), "estimatedCount", facts.estimatedCount(),
                "descriptionLength", AuditTrail.lengthOf(facts.description()),
                "measuresTakenLength", AuditTrail.lengthOf(facts.measuresTaken()),
                "measuresPlannedLength", AuditTrail.lengthOf(facts.measuresPlanned()),
                "policy", deadline.policy().id(), "lastDay", deadline.lastDay(), "dueAt", deadline.dueAt()));
        em.flush();
        LOG.infof("Breach %s registered; authority notice due %s", reference, deadline.dueAt());
        return views.of(breach, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BreachView get(UUID id) {
        return views.of(find(id), clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BreachSummary.Page list(BreachQuery query) {
        Instant now = clock.instant();
        List<Breach> rows = breaches.page(query, now);
        boolean more = rows.size() > query.limit();
        List<BreachSummary> items = rows.subList(0, Math.min(rows.size(), query.limit())).stream()
                .map(b -> views.summary(b, now)).toList();
        String next = more ? new KeysetCursor(items.getLast().dueAt(), items.getLast().id()).encode() : null;
        return new BreachSummary.Page(items, next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditHistory.Event> history(UUID id) {
        return history.ofReference(find(id).reference());
    }

    @Transactional
    public BreachView assess(UUID id, String ifMatch, BreachCommands.Assess command) {
        return change(id, ifMatch, (breach, now) -> {
            var from = breach.status();
            breach.assess(command.assessment(), command.measuresTaken(), command.measuresPlanned(),
                    command.estimatedCount(), actor(), now);
            audit.record(AuditEventType.BREACH_ASSESSED, actor(), breach.reference(), null, AuditTrail.details(
                    "fromStatus", from, "toStatus", breach.status(), "textLength",
                    AuditTrail.lengthOf(command.assessment()), "estimatedCount", command.estimatedCount(),
                    "measuresTakenLength", AuditTrail.lengthOf(command.measuresTaken()),
                    "measuresPlannedLength", AuditTrail.lengthOf(command.measuresPlanned())));
        });
    }

    @Transactional
    public BreachView declareNotNotifiable(UUID id, String ifMatch, BreachCommands.NotNotifiable command) {
        requireOneLine("reference", command.reference());
        return change(id, ifMatch, (breach, now) -> {
            var from = breach.status();
            breach.declareNotNotifiable(command.legalBasis(), command.reference(), actor(), now);
            audit.record(AuditEventType.BREACH_NOT_NOTIFIABLE, actor(), breach.reference(), null, AuditTrail.details(
                    "fromStatus", from, "toStatus", breach.status(),
                    "legalBasisLength", AuditTrail.lengthOf(command.legalBasis()),
                    "referenceLength", AuditTrail.lengthOf(command.reference())));
        });
    }

    @Transactional
    public BreachView recordAuthorityNotification(UUID id, String ifMatch,
            BreachCommands.AuthorityNotification command) {
        requireOneLine("reference", command.reference());
        return change(id, ifMatch, (breach, now) -> {
            var from = breach.status();
            breach.recordAuthorityNotice(command.sentAt(), command.channel(), command.reference(), actor(), now,
                    now.plus(CLOCK_SKEW));
            audit.record(AuditEventType.BREACH_AUTHORITY_NOTIFIED, actor(), breach.reference(), null,
                    AuditTrail.details("fromStatus", from, "toStatus", breach.status(), "sentAt", command.sentAt(),
                            "channel", command.channel(), "referenceLength", AuditTrail.lengthOf(command.reference()),
                            "late", command.sentAt().isAfter(breach.deadline().dueAt())));
        });
    }

    @Transactional
    public BreachView close(UUID id, String ifMatch, BreachCommands.Close command) {
        String summary = command == null ? null : command.summary();
        return change(id, ifMatch, (breach, now) -> {
            var from = breach.status();
            breach.close(summary, actor(), now);
            audit.record(AuditEventType.BREACH_CLOSED, actor(), breach.reference(), null, AuditTrail.details(
                    "fromStatus", from, "toStatus", breach.status(), "textLength", AuditTrail.lengthOf(summary)));
        });
    }

    @Transactional
    public BreachView addNote(UUID id, String ifMatch, BreachCommands.Note command) {
        return change(id, ifMatch, (breach, now) -> {
            breach.addNote(command.text(), actor(), now);
            audit.record(AuditEventType.BREACH_NOTE, actor(), breach.reference(), null, AuditTrail.details(
                    "noteLength", AuditTrail.lengthOf(command.text())));
        });
    }

    /** The leads a selection finds for the breach: their count and a page, for the officer to check before freezing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BreachView.AffectedPage previewAffected(UUID id, AffectedSelection selection, String cursor, int limit) {
        Breach breach = find(id);
        return affected.preview(affected.query(breach, selection), cursor, limit);
    }

    /**
     * Freezes the selection's leads as the people the breach affected, replacing a set frozen before; refused once
     * they were notified. The trail gets how they were selected and the counts.
     */
    @Transactional
    public BreachView freezeAffected(UUID id, String ifMatch, AffectedSelection selection) {
        AffectedPeople.Query query = affected.query(find(id), selection);
        return change(id, ifMatch, (breach, now) -> {
            affected.freeze(breach, query, now);
            audit.record(AuditEventType.BREACH_AFFECTED_SET_FROZEN, actor(), breach.reference(), null,
                    AuditTrail.details("by", selection.leadIds() != null ? "ids" : "criteria",
                            "idsGiven", selection.leadIds() == null ? null : selection.leadIds().size(),
                            "sources", query.selection().sources() == null ? null
                                    : Breach.codes(query.selection().sources()),
                            "receivedFrom", selection.receivedFrom(), "receivedTo", selection.receivedTo(),
                            "categories", Breach.codes(query.categories()),
                            "leads", breach.affectedLeads(), "people", breach.affectedPeople()));
        });
    }

    /**
     * Writes to the people affected (once per person, in their language): starts the rounds that queue the notices
     * and works the first one; only once the authority notice is recorded and the set is frozen. The breach is
     * SUBJECTS_NOTIFIED in the answer when the set fitted in that round, else when the worker's last round is done
     * ({@link SubjectNoticeRounds}); the trail gets the counts then.
     */
    @Transactional
    public BreachView notifySubjects(UUID id, String ifMatch) {
        return change(id, ifMatch, (breach, now) -> {
            breach.startSubjectNotices(now);
            noticeRounds.start(breach, actor(), now);
        });
    }

    /** An action on a breach under its ETag: 428 without one, 412 when it is stale; the breach as it is afterwards. */
    private BreachView change(UUID id, String ifMatch, Action action) {
        Breach breach = find(id);
        String current = BreachViews.etag(breach);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.VERSION_REQUIRED, "precondition-required",
                    "Send the breach's current ETag in If-Match; read the breach to get it.");
        }
        if (!ifMatch.strip().equals(current)) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.STALE_VERSION, "precondition-failed",
                    "The breach has changed", "The breach was changed since you read it; read it again and retry.",
                    List.of(), Map.of("currentEtag", current, "currentStatus", breach.status().name()));
        }
        // A versioned UPDATE now: a concurrent change fails here, and the answer's ETag is the new version.
        em.lock(breach, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Instant now = clock.instant();
        action.apply(breach, now);
        em.flush();
        LOG.infof("Breach %s changed by an officer: now %s", breach.reference(), breach.status());
        return views.of(breach, now);
    }

    @FunctionalInterface
    private interface Action {
        void apply(Breach breach, Instant now);
    }

    private Breach find(UUID id) {
        Breach breach = breaches.find(id);
        if (breach == null) {
            throw DomainRuleViolation.notFound("No such breach.");
        }
        return breach;
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    /** The registration's facts, after the rules its bean validation cannot see; every broken one is named at once. */
    private Breach.Facts facts(BreachCommands.Register c, Instant now) {
        List<DomainRuleViolation.FieldError> errors = new ArrayList<>();
        Instant latest = now.plus(CLOCK_SKEW);
        if (c.detectedAt().isAfter(latest)) {
            errors.add(new DomainRuleViolation.FieldError("detectedAt", "must not be in the future"));
        }
        BreachCommands.Window window = c.window();
        if (window != null) {
            if (window.to() != null && !window.from().isBefore(window.to())) {
                errors.add(new DomainRuleViolation.FieldError("window.from", "must be before `to`"));
            }
            if (window.from().isAfter(c.detectedAt())) {
                errors.add(new DomainRuleViolation.FieldError("window.from", "must not be after `detectedAt`"));
            }
            if (window.to() != null && window.to().isAfter(latest)) {
                errors.add(new DomainRuleViolation.FieldError("window.to", "must not be in the future"));
            }
        }
        List<String> systems = c.systems() == null ? List.of() : c.systems().stream().map(String::strip).toList();
        for (int i = 0; i < systems.size(); i++) {
            oneLine(errors, "systems[" + i + "]", systems.get(i));
        }
        BreachCommands.Responsible r = c.responsible();
        oneLine(errors, "responsible.name", r.name());
        oneLine(errors, "responsible.position", r.position());
        if (!EmailAddress.isValid(r.email())) {
            errors.add(new DomainRuleViolation.FieldError("responsible.email", "must be a well-formed e-mail address"));
        }
        if (r.phone() != null && !PhoneNumber.isValid(r.phone())) {
            errors.add(new DomainRuleViolation.FieldError("responsible.phone", "must be a valid phone number"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        EnumSet<DataCategory> categories = EnumSet.copyOf(c.dataCategories());
        EnumSet<DataSource> sources = EnumSet.copyOf(c.sources());
        ResponsiblePerson responsible = new ResponsiblePerson(r.name().strip(), r.position().strip(),
                EmailAddress.parse(r.email()).asGiven(), r.phone() == null ? null : PhoneNumber.parse(r.phone()).e164());
        return new Breach.Facts(c.detectedAt(), c.discovery().method(), c.discovery().details(), c.description(),
                categories, sources, systems, window == null ? null : window.from(),
                window == null ? null : window.to(), c.estimatedCount(), c.measuresTaken(), c.measuresPlanned(),
                responsible);
    }

    private static void requireOneLine(String field, String value) {
        List<DomainRuleViolation.FieldError> errors = new ArrayList<>();
        oneLine(errors, field, value);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static void oneLine(List<DomainRuleViolation.FieldError> errors, String field, String value) {
        if (value != null && Text.hasForbiddenCharacterInLine(value)) {
            errors.add(new DomainRuleViolation.FieldError(field, "must be one line without control characters"));
        }
    }

    private static DomainRuleViolation invalid(List<DomainRuleViolation.FieldError> errors) {
        return new DomainRuleViolation(DomainRuleViolation.Kind.INVALID, "validation", null,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors, Map.of());
    }
}
