package kz.region715.dsr.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 24: every operation of the served document that takes a request body, sent an empty body and the JSON
 * {@code null}, each otherwise valid (role, seeded ids, a current If-Match, the access token). Every body of this
 * API is required (docs/api-clients.md: {@code {}} where all members are optional), so the document must say so and
 * the service must refuse both with a 400 problem (validation or malformed request) that changes nothing. Case
 * actions go to the corpus's own case, which must stay OPEN.
 */
final class MissingBodies {

    private MissingBodies() {
    }

    static List<HttpCall> of(OpenApiRequests api, Seeds seeds) {
        List<HttpCall> calls = new ArrayList<>();
        for (OpenApiRequests.Operation op : api.operations) {
            if (op.body() == null) {
                continue;
            }
            HttpCall call = api.validCall(op);
            if (op.template().startsWith("/api/v1/cases/{id}")) {
                call.target = call.target.replaceFirst("^/api/v1/cases/[^/]+", "/api/v1/cases/" + seeds.corpusCaseId);
                call.ifMatchOfCase = seeds.corpusCaseId;
            }
            for (String body : new String[] {"", "null"}) {
                HttpCall missing = call.copy(call.role).json(body)
                        .input((body.isEmpty() ? "empty body" : "body null")
                                + (op.bodyRequired() ? "" : " (the document says optional: it must say required)"))
                        .mustRefuse();
                missing.expectedStatus = op.bodyRequired() ? 400 : -1;
                missing.problemTypes.addAll(List.of("validation", "malformed-request"));
                calls.add(missing);
            }
        }
        return calls;
    }
}
