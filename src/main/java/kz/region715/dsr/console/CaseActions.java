package kz.region715.dsr.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.region715.dsr.casework.CaseCommands;
import kz.region715.dsr.casework.CaseMatches;
import kz.region715.dsr.casework.CaseService;
import kz.region715.dsr.lead.LeadCommands;
import kz.region715.dsr.lead.LeadService;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.request.domain.CancellationReason;
import kz.region715.dsr.request.domain.RejectionBasis;

/**
 * The console's case actions: each builds the API's command from the form, checks it with the same constraints the
 * API checks, and calls the same service method under the ETag the page was rendered with. No rule lives here.
 */
@ApplicationScoped
public class CaseActions {

    private final CaseService cases;
    private final CaseMatches matches;
    private final LeadService leads;
    private final Validator validator;

    CaseActions(CaseService cases, CaseMatches matches, LeadService leads, Validator validator) {
        this.cases = cases;
        this.matches = matches;
        this.leads = leads;
        this.validator = validator;
    }

    /** What a case page's form sends: the ETag it was rendered with, a text, a choice, an assignee, a lead. */
    public record Input(String etag, String text, String choice, String assignee, String lead) {
    }

    /**
     * @throws DomainRuleViolation as the API's services throw it: INVALID for a bad field, STALE_VERSION when the
     *                             case changed since the page was rendered, CONFLICT for an illegal transition
     */
    public void perform(UUID id, CaseAction action, Input input) {
        String etag = input.etag();
        switch (action) {
            case ASSIGN -> cases.assign(id, etag, valid(new CaseCommands.Assign(orNull(input.assignee()))));
            case NOTE -> cases.addNote(id, etag, valid(new CaseCommands.Note(input.text())));
            case ASK -> cases.ask(id, etag, valid(new CaseCommands.Question(input.text())));
            case APPROVE -> cases.approve(id, etag, valid(new CaseCommands.Approve(orNull(input.text()), null)));
            case REJECT -> cases.reject(id, etag, valid(new CaseCommands.Reject(
                    choice("legalBasis", RejectionBasis.class, input.choice()), input.text())));
            case EXTEND -> cases.extend(id, etag, valid(new CaseCommands.Extend(input.text())));
            case CANCEL -> cases.cancel(id, etag, valid(new CaseCommands.Cancel(
                    choice("reason", CancellationReason.class, input.choice()), orNull(input.text()))));
            case HOLD -> leads.placeLegalHold(matchedLead(id, input.lead()),
                    valid(new LeadCommands.Hold(input.text(), null)));
        }
    }

    /** A legal hold from a case page is for one of the case's matched leads. */
    private UUID matchedLead(UUID caseId, String lead) {
        return matches.matches(caseId).leads().stream().map(match -> match.lead().id())
                .filter(id -> id.toString().equals(lead)).findFirst()
                .orElseThrow(() -> DomainRuleViolation.invalidField("lead", "must be one of the case's matched leads"));
    }

    private <T> T valid(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            List<DomainRuleViolation.FieldError> errors = violations.stream()
                    .map(v -> new DomainRuleViolation.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(DomainRuleViolation.FieldError::field))
                    .toList();
            throw new DomainRuleViolation(DomainRuleViolation.Kind.INVALID, "validation", "Invalid input",
                    "Some fields are not valid.", errors, java.util.Map.of());
        }
        return command;
    }

    private static <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw DomainRuleViolation.invalidField(field, "is not one of the choices");
        }
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
