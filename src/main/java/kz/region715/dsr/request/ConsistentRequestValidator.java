package kz.region715.dsr.request;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.region715.dsr.request.domain.CorrectableField;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import kz.region715.dsr.request.domain.RequestType;

public class ConsistentRequestValidator implements ConstraintValidator<ConsistentRequest, Filing> {

    private static final Map<RequestType, String> BLOCK = Map.of(
            RequestType.CORRECTION, "correction",
            RequestType.RESTRICTION, "restriction",
            RequestType.WITHDRAWAL, "withdrawal",
            RequestType.DELETION, "deletion");

    @Override
    public boolean isValid(Filing command, ConstraintValidatorContext context) {
        if (command == null) {
            return true;
        }
        Violations violations = new Violations(context);
        if (command.email() != null && !command.email().isBlank() && !EmailAddress.isValid(command.email())) {
            violations.add("must be a well-formed e-mail address", "email");
        }
        if (command.phone() != null && !PhoneNumber.isValid(command.phone())) {
            violations.add("must be a valid phone number (with country code unless Kazakh)", "phone");
        }
        if (command.type() != null) {
            checkBlocks(command, violations);
        }
        if (command.correction() != null && command.correction().changes() != null) {
            checkChanges(command.correction().changes(), violations);
        }
        if (command.withdrawal() != null && command.withdrawal().scope() != null) {
            boolean listed = command.withdrawal().purposes() != null && !command.withdrawal().purposes().isEmpty();
            switch (command.withdrawal().scope()) {
                case ALL -> { if (listed) violations.add("must be empty when scope is ALL", "withdrawal", "purposes"); }
                case PURPOSES -> { if (!listed) violations.add("must name at least one purpose", "withdrawal", "purposes"); }
            }
        }
        if (command.deletion() != null && command.deletion().scope() != null) {
            boolean listed = command.deletion().sources() != null && !command.deletion().sources().isEmpty();
            switch (command.deletion().scope()) {
                case ALL -> { if (listed) violations.add("must be empty when scope is ALL", "deletion", "sources"); }
                case SOURCES -> { if (!listed) violations.add("must name at least one source", "deletion", "sources"); }
            }
        }
        return violations.none();
    }

    private static void checkBlocks(Filing command, Violations violations) {
        Map<String, Object> given = new java.util.HashMap<>();
        given.put("correction", command.correction());
        given.put("restriction", command.restriction());
        given.put("withdrawal", command.withdrawal());
        given.put("deletion", command.deletion());
        String expected = BLOCK.get(command.type());
        for (Map.Entry<String, Object> block : given.entrySet()) {
            boolean wanted = block.getKey().equals(expected);
            if (wanted && block.getValue() == null) {
                violations.add("is required for a " + command.type() + " request", block.getKey());
            } else if (!wanted && block.getValue() != null) {
                violations.add("is not allowed for a " + command.type() + " request", block.getKey());
            }
        }
    }

    private static void checkChanges(List<RequestDetails.FieldChange> changes, Violations violations) {
        Set<CorrectableField> seen = EnumSet.noneOf(CorrectableField.class);
        Set<Integer> duplicates = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            RequestDetails.FieldChange change = changes.get(i);
            if (change == null || change.field() == null || change.newValue() == null || change.newValue().isBlank()) {
                continue;
            }
            if (!seen.add(change.field())) {
                duplicates.add(i);
            }
            String value = change.newValue();
            String problem = switch (change.field()) {
                case EMAIL -> EmailAddress.isValid(value) ? null : "must be a well-formed e-mail address";
                case PHONE -> PhoneNumber.isValid(value) ? null : "must be a valid phone number";
                case NAME -> value.length() > 200 ? "size must be between 0 and 200" : null;
                case MESSAGE -> null;
            };
            if (problem != null) {
                violations.add(problem, "correction", "changes[" + i + "]", "newValue");
            }
        }
        for (int i : duplicates) {
            violations.add("names a field that is already changed", "correction", "changes[" + i + "]", "field");
        }
    }

    /** Collects violations on named property paths instead of the one class-level message. */
    private static final class Violations {
        private final ConstraintValidatorContext context;
        private boolean any;

        Violations(ConstraintValidatorContext context) {
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void add(String message, String... path) {
            any = true;
            var builder = context.buildConstraintViolationWithTemplate(message.replace("{", "\\{"));
            var node = builder.addPropertyNode(path[0]);
            for (int i = 1; i < path.length; i++) {
                node = node.addPropertyNode(path[i]);
            }
            node.addConstraintViolation();
        }

        boolean none() {
            return !any;
        }
    }
}
