package kz.region715.dsr.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.casework.CaseMatches;
import kz.region715.dsr.lead.Lead;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.lead.SubjectLeads;
import kz.region715.dsr.lead.SubjectMatch;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.RequestType;

/**
 * The steps of one held execution, each in the caller's transaction: the next batch of the subject's leads, and
 * the end. Each first renews the lease, or finds it lost and does nothing.
 */
@ApplicationScoped
class ExecutionSteps {

    private final SubjectRequestRepository requests;
    private final ExecutionLeases leases;
    private final ExecutionBatch batch;
    private final ExecutionItems items;
    private final ExecutionCompletion completion;
    private final SubjectLeads subjectLeads;
    private final CaseMatches matches;
    private final ExecutionConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    ExecutionSteps(SubjectRequestRepository requests, ExecutionLeases leases, ExecutionBatch batch,
            ExecutionItems items, ExecutionCompletion completion, SubjectLeads subjectLeads, CaseMatches matches,
            ExecutionConfig config, ObjectMapper json, Clock clock) {
        this.requests = requests;
        this.leases = leases;
        this.batch = batch;
        this.items = items;
        this.completion = completion;
        this.subjectLeads = subjectLeads;
        this.matches = matches;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One batch of leads, after the last one handled: MORE when there may be more, COMPLETED when the leads are
     * done (the end comes next, {@link #finish}), LOST_LEASE when another worker holds the execution now.
     */
    ExecutionWorker.RunResult step(UUID id, String worker) {
        Instant now = clock.instant();
        Execution execution = leases.hold(id, worker, now);
        if (execution == null) {
            return ExecutionWorker.RunResult.LOST_LEASE;
        }
        if (execution.type() == RequestType.ACCESS) {
            return ExecutionWorker.RunResult.COMPLETED; // nothing to change; the package is built at the end
        }
        SubjectRequest request = requests.require(execution.requestId());
        ExecutionPlan plan = plan(execution);
        List<Lead> leads = subjectLeads.batchAfter(match(request), plan.sources(), items.lastLead(id),
                config.batchSize(), SubjectLeads.Purpose.CHANGE);
        items.insertAll(batch.apply(execution, plan, leads, new LeadActions.By(ExecutionWorker.ACTOR,
                request.reference()), now));
        return leads.size() == config.batchSize() ? ExecutionWorker.RunResult.MORE
                : ExecutionWorker.RunResult.COMPLETED;
    }

    /** The end: COMPLETED, or LOST_LEASE when another worker holds the execution now. */
    ExecutionWorker.RunResult finish(UUID id, String worker) {
        Instant now = clock.instant();
        Execution execution = leases.hold(id, worker, now);
        if (execution == null) {
            return ExecutionWorker.RunResult.LOST_LEASE;
        }
        SubjectRequest request = requests.require(execution.requestId());
        completion.complete(execution, request, match(request), now);
        return ExecutionWorker.RunResult.COMPLETED;
    }

    /** How the request's subject is found among the leads: e-mail, the phone once confirmed, minus exclusions. */
    SubjectMatch match(SubjectRequest request) {
        String confirmedPhone = request.phoneConfirmed() ? request.contact().phoneE164() : null;
        return subjectLeads.match(request.emailKey(), request.telegramKey(), confirmedPhone,
                matches.excludedLeads(request.id()));
    }

    private ExecutionPlan plan(Execution execution) {
        try {
            return json.readValue(execution.plan(), ExecutionPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored execution plan is unreadable", e);
        }
    }
}
