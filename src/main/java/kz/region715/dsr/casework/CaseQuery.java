package kz.region715.dsr.casework;

import java.time.Instant;
import java.util.List;
import kz.region715.dsr.request.domain.RequestStatus;
import kz.region715.dsr.request.domain.RequestType;

/** Filters of the work queue; null means "any". */
public record CaseQuery(List<RequestStatus> statuses, List<RequestType> types, String assignee, Boolean unassigned,
        Boolean overdue, Instant dueBefore, Instant receivedFrom, Instant receivedTo, String reference,
        String cursor, int limit) {
}
