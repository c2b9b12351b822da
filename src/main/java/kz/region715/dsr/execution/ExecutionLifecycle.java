package kz.region715.dsr.execution;

import java.time.Duration;
import java.time.Instant;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.domain.RequestStatus;

/**
 * The one place where an execution's status and its request's status move together: claimed (EXECUTING),
 * completed, a failed try that used up the tries (FAILED), an officer's retry, a cancelled case. Each side guards its
 * own transitions ({@link Execution.Status}, {@link RequestStatus}); this keeps the pair in step.
 */
final class ExecutionLifecycle {

    private ExecutionLifecycle() {
    }

    /** A worker claims the execution and the case is EXECUTING; false (and cancelled) when the case was cancelled. */
    static boolean claim(Execution execution, SubjectRequest request, String worker, Instant now, Duration lease) {
        if (request.status() == RequestStatus.CANCELLED) {
            execution.cancel(now);
            return false;
        }
        execution.claim(worker, now, lease);
        request.startExecution(now);
        return true;
    }

    static void complete(Execution execution, SubjectRequest request, String summary, Instant now) {
        execution.done(now);
        request.completeExecution(summary, now);
    }

    /** A try failed: retried after {@code backoff}, or, out of tries, both FAILED; returns whether out of tries. */
    static boolean attemptFailed(Execution execution, SubjectRequest request, String error, Instant now,
            int maxAttempts, Duration backoff) {
        boolean outOfTries = execution.attemptFailed(error, now, maxAttempts, backoff);
        if (outOfTries) {
            request.failExecution(error, now);
        }
        return outOfTries;
    }

    static void retry(Execution execution, SubjectRequest request, String actor, Instant now) {
        execution.retry(now);
        request.retryExecution(actor, now);
    }
}
