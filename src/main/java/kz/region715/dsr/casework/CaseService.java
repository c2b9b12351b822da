package kz.region715.dsr.casework;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import kz.region715.dsr.deadline.Deadlines;
import kz.region715.dsr.deadline.domain.Deadline;
import kz.region715.dsr.deadline.domain.DeadlineRuleViolation;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.CaseDeadline;
import kz.region715.dsr.request.Contact;
import kz.region715.dsr.request.Decision;
import kz.region715.dsr.request.RequestDetails;
import kz.region715.dsr.request.RequestEvents;
import kz.region715.dsr.request.RequestService;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;
import org.jboss.logging.Logger;

/**
 * Privacy officers' work on cases. Every change needs the case's current ETag
 * (optimistic concurrency: two officers never overwrite each other), goes
 * through the request's guarded transitions, and tells the subject by e-mail
 * where the law or the policy says so.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final SubjectRequestRepository requests;
    private final RequestService requestService;
    private final Deadlines deadlines;
    private final CaseDeadlines caseDeadlines;
    private final EntityManager em;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final CaseMatches matches;
    private final Event<CaseEvents.Questioned> questioned;
    private final Event<CaseEvents.Approved> approved;
    private final Event<CaseEvents.Rejected> rejected;
    private final Event<CaseEvents.Extended> extended;
    private final Event<CaseEvents.Cancelled> cancelled;
    private final Event<CaseEvents.Closed> closed;

    CaseService(SubjectRequestRepository requests, RequestService requestService, Deadlines deadlines,
            CaseDeadlines caseDeadlines, EntityManager em, Clock clock, SecurityIdentity identity, CaseMatches matches,
            Event<CaseEvents.Questioned> questioned, Event<CaseEvents.Approved> approved,
            Event<CaseEvents.Rejected> rejected,
            Event<CaseEvents.Extended> extended, Event<CaseEvents.Cancelled> cancelled,
            Event<CaseEvents.Closed> closed) {
        this.requests = requests;
        this.requestService = requestService;
        this.deadlines = deadlines;
        this.caseDeadlines = caseDeadlines;
        this.em = em;
        this.clock = clock;
        this.identity = identity;
        this.matches = matches;
        this.questioned = questioned;
        this.approved = approved;
        this.rejected = rejected;
        this.extended = extended;
        this.cancelled = cancelled;
        this.closed = closed;
    }

    /** A verified request becomes a case: its deadline starts, and a possible duplicate is flagged. */
    void onVerified(@Observes RequestEvents.Verified event) {
        SubjectRequest request = requests.require(event.request().id());
        String jurisdiction = deadlines.defaultJurisdiction();
        Deadline deadline = deadlines.start(jurisdiction, request.type().name(), request.receivedAt(),
                request.verifiedAt());
        request.startDeadline(jurisdiction, deadline, event.at());
        requests.openDuplicateOf(request)
                .ifPresent(other -> request.flagDuplicateOf(other.id(), other.reference(), event.at()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public CaseView assign(UUID id, String ifMatch, CaseCommands.Assign command) {
        String officer = command == null || command.assignee() == null ? actor() : command.assignee();
        return change(id, ifMatch, request -> request.assign(officer, actor(), clock.instant()));
    }

    @Transactional
    public CaseView addNote(UUID id, String ifMatch, CaseCommands.Note command) {
        return change(id, ifMatch, request -> request.addNote(command.text(), actor(), clock.instant()));
    }

    @Transactional
    public CaseView ask(UUID id, String ifMatch, CaseCommands.Question command) {
        return change(id, ifMatch, request -> {
            Instant now = clock.instant();
            request.ask(command.text(), actor(), now);
            questioned.fire(new CaseEvents.Questioned(RequestSnapshot.of(request), command.text(), now));
        });
    }

    @Transactional
    public CaseView approve(UUID id, String ifMatch, CaseCommands.Approve command) {
        return change(id, ifMatch, request -> {
            Instant now = clock.instant();
            if (command != null && command.corrections() != null && request.type() != RequestType.CORRECTION) {
                throw DomainRuleViolation.invalidField("corrections", "only a CORRECTION request has corrections");
            }
            request.approve(command == null ? null : command.note(), actor(), now);
            approved.fire(new CaseEvents.Approved(RequestSnapshot.of(request),
                    command == null ? null : command.corrections(), now));
        });
    }

    @Transactional
    public CaseView reject(UUID id, String ifMatch, CaseCommands.Reject command) {
        return change(id, ifMatch, request -> {
            Instant now = clock.instant();
            request.reject(command.legalBasis(), command.reason(), actor(), now);
            rejected.fire(new CaseEvents.Rejected(RequestSnapshot.of(request), command.legalBasis(),
                    command.reason(), now));
            closed(request, now);
        });
    }

    @Transactional
    public CaseView extend(UUID id, String ifMatch, CaseCommands.Extend command) {
        return change(id, ifMatch, request -> {
            Instant now = clock.instant();
            Deadline longer;
            try {
                longer = deadlines.extend(caseDeadlines.of(request));
            } catch (DeadlineRuleViolation e) {
                throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "extension-not-allowed",
                        "The deadline policy " + request.deadline().policy() + " allows no further extension.",
                        Map.of("extensionsGranted", request.deadline().extensionsGranted()));
            }
            request.extend(longer, command.reason(), actor(), now);
            extended.fire(new CaseEvents.Extended(RequestSnapshot.of(request), command.reason(), longer.lastDay(), now));
        });
    }

    @Transactional
    public CaseView cancel(UUID id, String ifMatch, CaseCommands.Cancel command) {
        return change(id, ifMatch, request -> {
            Instant now = clock.instant();
            request.cancel(command.reason(), command.note(), actor(), now);
            String duplicateOf = command.reason() == CancellationReason.DUPLICATE && request.duplicateOf() != null
                    ? requests.referenceOf(request.duplicateOf()) : null;
            cancelled.fire(new CaseEvents.Cancelled(RequestSnapshot.of(request), command.reason(), duplicateOf, now));
            closed(request, now);
        });
    }

    @Transactional
    public CaseView changeJurisdiction(UUID id, String ifMatch, CaseCommands.ChangeJurisdiction command) {
        if (!deadlines.jurisdictions().contains(command.jurisdiction())) {
            throw DomainRuleViolation.invalidField("jurisdiction", "must be one of " + deadlines.jurisdictions());
        }
        return change(id, ifMatch, request -> {
            Deadline recomputed = deadlines.start(command.jurisdiction(), request.type().name(),
                    request.receivedAt(), request.verifiedAt());
            request.changeJurisdiction(command.jurisdiction(), recomputed, command.reason(), actor(), clock.instant());
        });
    }

    @Transactional
    public CaseView confirmPhone(UUID id, String ifMatch) {
        return change(id, ifMatch, request -> request.confirmPhone(actor(), clock.instant()));
    }

    /** Records that a matched lead is not the subject's; the execution will leave it alone. */
    @Transactional
    public CaseView excludeMatch(UUID id, UUID leadId, String ifMatch, CaseCommands.Exclude command) {
        return change(id, ifMatch, request -> {
            if (!matches.isMatch(request, leadId)) {
                throw DomainRuleViolation.notFound("That lead is not a match of this case.");
            }
            if (matches.isExcluded(request.id(), leadId)) {
                throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "already-excluded",
                        "That lead is already excluded from this case.");
            }
            Instant now = clock.instant();
            request.excludeMatch(leadId, command.reason(), actor(), now);
            em.persist(new MatchExclusion(request.id(), leadId, actor(), now, command.reason()));
        });
    }

    /** The subject answers a question (with the request's access token); the case returns to review. */
    @Transactional
    public void answer(UUID id, String accessToken, CaseCommands.SubjectMessage message) {
        SubjectRequest request = requestService.requireSubjectAccess(id, accessToken);
        if (request.status() != RequestStatus.AWAITING_SUBJECT) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "no-open-question",
                    "There is no question waiting for an answer on this request.",
                    Map.of("currentStatus", request.status().name()));
        }
        em.lock(request, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Instant now = clock.instant();
        Instant waitingSince = request.answer(message.text(), now);
        if (waitingSince != null) {
            Deadline shifted = deadlines.afterPause(caseDeadlines.of(request), waitingSince, now);
            request.applyDeadline(request.deadline().jurisdiction(), shifted);
        }
        LOG.infof("Request %s: the subject answered", request.reference());
    }


    /**
     * Runs an officer's action on a case under its ETag (428 without, 412 when
     * stale), and answers the case as it is afterwards. Callers own the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView change(UUID id, String ifMatch, Consumer<SubjectRequest> action) {
        SubjectRequest request = find(id);
        String current = etag(request);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.VERSION_REQUIRED, "precondition-required",
                    "Send the case's current ETag in If-Match; read the case to get it.");
        }
        if (!ifMatch.strip().equals(current)) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.STALE_VERSION, "precondition-failed",
                    "The case has changed", "The case was changed since you read it; read it again and retry.",
                    List.of(), Map.of("currentEtag", current, "currentStatus", request.status().name()));
        }
        // Bumps the version now (a versioned UPDATE): a concurrent change fails here, and the answer's ETag is new.
        em.lock(request, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        action.accept(request);
        em.flush();
        LOG.infof("Case %s changed by an officer: now %s", request.reference(), request.status());
        return view(request);
    }

    private void closed(SubjectRequest request, Instant at) {
        closed.fire(new CaseEvents.Closed(RequestSnapshot.of(request), request.status().name(),
                Duration.between(request.receivedAt(), at)));
    }

    /** Officers see verified requests only: an unverified one is not a case. */
    private SubjectRequest find(UUID id) {
        return requests.findCase(id).orElseThrow(() -> DomainRuleViolation.notFound("No such case."));
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }

    static String etag(SubjectRequest request) {
        return "\"" + request.version() + "\"";
    }

    private CaseView view(SubjectRequest request) {
        Instant now = clock.instant();
        CaseView.DeadlineView deadline = null;
        CaseDeadline due = request.deadline();
        if (due.isSet()) {
            CaseDeadlines.Standing standing = caseDeadlines.standing(request, now);
            deadline = new CaseView.DeadlineView(due.jurisdiction(), due.policy(), String.valueOf(due.basis()),
                    due.citation(), due.dueLastDay(), due.dueAt(), standing.workingDaysLeft(), standing.overdue(),
                    due.extensionsGranted(), request.status().isOpenCase()
                            && standing.deadline().policy().allowsExtension(due.extensionsGranted()),
                    due.pausedSince());
        }
        CaseView.Duplicate duplicate = request.duplicateOf() == null ? null
                : new CaseView.Duplicate(request.duplicateOf(), requests.referenceOf(request.duplicateOf()));
        Decision made = request.decision();
        CaseView.Decision decision = !made.isMade() ? null : new CaseView.Decision(made.decidedBy(),
                made.decidedAt(), made.rejectionBasis(), made.reason(), made.cancellationReason());
        Contact contact = request.contact();
        CaseView.Subject subject = contact.isErased() ? null : new CaseView.Subject(contact.emailAsGiven(),
                contact.name(), contact.phoneE164(), contact.telegramUserId(), request.unreachableAt());
        List<CaseView.Event> timeline = request.timeline().stream()
                .map(e -> new CaseView.Event(e.id() == null ? 0 : e.id(), e.occurredAt(), e.kind(), e.actor(),
                        e.visibleToSubject(), e.fromStatus(), e.toStatus(), e.note()))
                .toList();
        return new CaseView(request.id(), request.reference(), request.type(), request.status(),
                request.channel().name(), request.locale().tag(), request.receivedAt(), request.verifiedAt(), subject,
                requestService.details(request), deadline, request.assignee(), duplicate, decision, request.closedAt(),
                etag(request), timeline);
    }
}
