package kz.region715.dsr.request;

import java.util.Map;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.RequestStatus;

/** An officer action that the case's current status does not allow (HTTP 409 with the current status). */
public class CaseRuleViolation extends DomainRuleViolation {

    public CaseRuleViolation(String action, RequestStatus current) {
        super(Kind.CONFLICT, "illegal-transition", "Cannot " + action + " a case in status " + current + ".",
                Map.of("currentStatus", current.name()));
    }
}
