package kz.region715.dsr.request.domain;

import java.util.Map;
import kz.region715.dsr.platform.domain.DomainRuleViolation;

/** Guards every status change of a request. */
public final class RequestLifecycle {

    private RequestLifecycle() {
    }

    /**
     * Returns {@code to} when the move from {@code from} is allowed.
     *
     * @throws IllegalTransition when it is not
     */
    public static RequestStatus transition(RequestStatus from, RequestStatus to) {
        if (!from.successors().contains(to)) {
            throw new IllegalTransition(from, to);
        }
        return to;
    }

    /** A status change the state machine does not allow; the API answers 409 with the current status. */
    public static final class IllegalTransition extends DomainRuleViolation {
        private final RequestStatus from;
        private final RequestStatus to;

        public IllegalTransition(RequestStatus from, RequestStatus to) {
            super(Kind.CONFLICT, "illegal-transition",
                    "A request in status " + from + " cannot move to " + to + ".",
                    Map.of("currentStatus", from.name(), "requestedStatus", to.name()));
            this.from = from;
            this.to = to;
        }

        public RequestStatus from() {
            return from;
        }

        public RequestStatus to() {
            return to;
        }
    }
}
