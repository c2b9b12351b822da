package kz.region715.dsr.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.casework.CaseEvents;
import kz.region715.dsr.casework.CaseService;
import kz.region715.dsr.casework.CaseView;
import kz.region715.dsr.lead.Lead;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.lead.SubjectLeads;
import kz.region715.dsr.platform.audit.AuditEventType;
import kz.region715.dsr.platform.audit.AuditTrail;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.RequestService;
import kz.region715.dsr.request.RequestSnapshot;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.RequestType;
import org.jboss.logging.Logger;

/**
 * Executions as officers meet them: queued on approval, cancelled with the
 * case, retried after a failure, a restriction lifted; and their state.
 */
@ApplicationScoped
public class Executions {

    private static final Logger LOG = Logger.getLogger(Executions.class);

    private final EntityManager em;
    private final SubjectRequestRepository requests;
    private final RequestService requestService;
    private final CaseService cases;
    private final ExecutionSteps steps;
    private final ExecutionCompletion completion;
    private final AccessPackages packages;
    private final LeadActions actions;
    private final SubjectLeads subjectLeads;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<ExecutionEvents.RestrictionLifted> lifted;
    private final AuditTrail audit;

    Executions(EntityManager em, SubjectRequestRepository requests, RequestService requestService, CaseService cases,
            ExecutionSteps steps, ExecutionCompletion completion, AccessPackages packages, LeadActions actions, SubjectLeads subjectLeads, ObjectMapper json, Clock clock,
            Event<ExecutionEvents.RestrictionLifted> lifted, AuditTrail audit) {
        this.em = em;
        this.requests = requests;
        this.requestService = requestService;
        this.cases = cases;
        this.steps = steps;
        this.completion = completion;
        this.packages = packages;
        this.actions = actions;
        this.subjectLeads = subjectLeads;
        this.json = json;
        this.clock = clock;
        this.lifted = lifted;
        this.audit = audit;
    }

    /** Approval queues the execution, in the approval's transaction; the plan is fixed now. */
    void onApproved(@Observes CaseEvents.Approved event) {
        SubjectRequest request = requests.require(event.request().id());
        ExecutionPlan plan = ExecutionPlan.of(request.type(), request.reference(), requestService.details(request),
                event.corrections());
        try {
            Execution execution = Execution.queue(request.id(), request.type(), json.writeValueAsString(plan),
                    event.at());
            em.persist(execution);
            audit.record(AuditEventType.EXECUTION_QUEUED, cases.actor(), request.reference(), request.subjectKey(),
                    AuditTrail.details("execution", execution.id(), "correctedFields", plan.corrections() == null
                            ? null : plan.corrections().stream().map(c -> c.field().name()).toList().toString(),
                            "withdrawnPurposes", plan.withdrawnPurposes() == null ? null
                                    : plan.withdrawnPurposes().toString(),
                            "sources", plan.sources() == null ? null : plan.sources().toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("execution plan not serialisable", e);
        }
    }

    /** A cancelled case's execution does not run. */
    void onCancelled(@Observes CaseEvents.Cancelled event) {
        Execution execution = find(event.request().id());
        if (execution != null) {
            execution.cancel(event.at());
        }
    }

    @Transactional
    public CaseView retry(UUID caseId, String ifMatch) {
        return cases.change(caseId, ifMatch, request -> {
            Execution execution = require(request.id());
            Instant now = clock.instant();
            ExecutionLifecycle.retry(execution, request, cases.actor(), now);
        });
    }

    /**
     * Lifts the block a completed RESTRICTION put on the subject's leads, and
     * on leads of the subject stored blocked since; the subject is told.
     */
    @Transactional
    public CaseView liftRestriction(UUID caseId, String ifMatch, ExecutionCommands.Lift command) {
        return cases.change(caseId, ifMatch, request -> {
            Instant now = clock.instant();
            request.recordRestrictionLifted(command.reason(), cases.actor(), now);
            Execution execution = require(request.id());
            execution.lift(cases.actor(), command.reason(), now);
            int count = 0;
            for (Lead lead : blockedLeadsOf(request, execution)) {
                if (actions.liftRestriction(lead, command.reason(), new LeadActions.By(cases.actor(), request.reference()))) {
                    count++;
                }
            }
            lifted.fire(new ExecutionEvents.RestrictionLifted(RequestSnapshot.of(request), command.reason(), count,
                    now));
            LOG.infof("Request %s: restriction lifted on %d leads", request.reference(), count);
        });
    }

    /** The leads the restriction blocked, and the subject's leads blocked since (stored blocked, for instance). */
    private Collection<Lead> blockedLeadsOf(SubjectRequest request, Execution execution) {
        Map<UUID, Lead> blocked = new LinkedHashMap<>();
        em.createQuery("from Lead l where l.restrictedAt is not null and l.id in (select i.leadId from ExecutionItem i"
                        + " where i.executionId = :execution and i.outcome = :restricted)", Lead.class)
                .setParameter("execution", execution.id())
                .setParameter("restricted", ExecutionItem.Outcome.RESTRICTED)
                .getResultStream().forEach(lead -> blocked.put(lead.id(), lead));
        subjectLeads.blocked(steps.match(request)).forEach(lead -> blocked.putIfAbsent(lead.id(), lead));
        return blocked.values();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExecutionView view(UUID caseId) {
        SubjectRequest request = requests.lookup(caseId).orElse(null);
        Execution execution = request == null ? null : find(caseId);
        if (execution == null) {
            throw DomainRuleViolation.notFound("This case has no execution (not approved).");
        }
        ExecutionView.Lift lift = execution.liftedAt() == null ? null : new ExecutionView.Lift(execution.liftedAt(),
                execution.liftedBy(), execution.liftReason());
        return new ExecutionView(execution.status().name(), execution.attempts(), execution.queuedAt(),
                execution.startedAt(), execution.finishedAt(),
                execution.status() == Execution.Status.QUEUED ? execution.nextAttemptAt() : null,
                execution.lastError(), completion.summarise(execution),
                request.type() == RequestType.ACCESS ? packages.info(caseId) : null, lift);
    }

    private Execution find(UUID requestId) {
        return em.createQuery("from Execution e where e.requestId = :id", Execution.class)
                .setParameter("id", requestId).getResultStream().findFirst().orElse(null);
    }

    private Execution require(UUID requestId) {
        Execution execution = find(requestId);
        if (execution == null) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "no-execution",
                    "This case was never approved, so there is no execution.");
        }
        return execution;
    }
}
