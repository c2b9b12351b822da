package kz.region715.dsr.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.lead.LeadActions;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.domain.DomainRuleViolation.FieldError;
import kz.region715.dsr.request.RequestDetails;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import kz.region715.dsr.request.domain.ProcessingPurpose;
import kz.region715.dsr.request.domain.RequestType;

/**
 * What an approved request is to do, fixed at approval: the validated
 * corrections (the officer's version if given), the restriction reason, the
 * purposes consent is withdrawn for (null: all), the sources to erase (null: all).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExecutionPlan(List<LeadActions.Change> corrections, String restrictionReason,
        List<ProcessingPurpose> withdrawnPurposes, List<DataSource> sources) {

    static final int MAX_NAME = 200;
    static final int MAX_MESSAGE = 4000;

    static ExecutionPlan of(RequestType type, String reference, RequestDetails details,
            List<RequestDetails.FieldChange> officerCorrections) {
        return switch (type) {
            case ACCESS -> new ExecutionPlan(null, null, null, null);
            case CORRECTION -> new ExecutionPlan(validated(officerCorrections != null ? officerCorrections
                    : details.correction().changes(), officerCorrections != null), null, null, null);
            case RESTRICTION -> new ExecutionPlan(null, "Request " + reference
                    + ": the subject asked to restrict processing (Law 94-V Art. 24(1)(3))", null, null);
            case WITHDRAWAL -> new ExecutionPlan(null, null,
                    details.withdrawal().scope() == RequestDetails.Withdrawal.Scope.ALL ? null
                            : details.withdrawal().purposes(), null);
            case DELETION -> new ExecutionPlan(null, null, null,
                    details.deletion().scope() == RequestDetails.Deletion.Scope.ALL ? null
                            : details.deletion().sources());
        };
    }

    /** Checks each new value as intake checks it, and stores the normalised form. */
    private static List<LeadActions.Change> validated(List<RequestDetails.FieldChange> changes, boolean byOfficer) {
        List<LeadActions.Change> result = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RequestDetails.FieldChange change = changes.get(i);
            String field = (byOfficer ? "corrections[" : "correction.changes[") + i + "].newValue";
            String value = change.newValue().strip();
            switch (change.field()) {
                case PHONE -> {
                    if (PhoneNumber.isValid(value)) {
                        value = PhoneNumber.parse(value).e164();
                    } else {
                        errors.add(new FieldError(field, "must be a valid phone number"));
                    }
                }
                case EMAIL -> {
                    if (!EmailAddress.isValid(value)) {
                        errors.add(new FieldError(field, "must be a well-formed e-mail address"));
                    }
                }
                case NAME -> {
                    if (value.length() > MAX_NAME) {
                        errors.add(new FieldError(field, "must be at most " + MAX_NAME + " characters"));
                    }
                }
                case MESSAGE -> {
                    if (value.length() > MAX_MESSAGE) {
                        errors.add(new FieldError(field, "must be at most " + MAX_MESSAGE + " characters"));
                    }
                }
            }
            result.add(new LeadActions.Change(change.field(), value));
        }
        if (!errors.isEmpty()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.UNPROCESSABLE, "corrections-invalid",
                    "The corrections cannot be applied", errors.size() + " new value(s) would not be valid in the"
                            + " lead store; approve with corrected values in `corrections`.", errors, Map.of());
        }
        return result;
    }
}
