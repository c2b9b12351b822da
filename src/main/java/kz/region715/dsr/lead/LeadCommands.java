package kz.region715.dsr.lead;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;
import kz.region715.dsr.request.domain.ProcessingPurpose;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the lead-store calls. */
public final class LeadCommands {

    private LeadCommands() {
    }

    @Schema(name = "Lead", description = "An application from the web form or the Telegram bot. At least one of "
            + "email, phone and telegramUserId.")
    @ValidLead
    public record Ingest(
            @NotNull DataSource source,
            @Size(max = 200) @Schema(examples = "Aigerim Serikova") String name,
            @Size(max = PhoneNumber.MAX_INPUT_LENGTH) @Schema(examples = "8 701 123 45 67") String phone,
            @Size(max = EmailAddress.MAX_LENGTH) @Schema(examples = "aigerim@example.kz") String email,
            @Size(max = 4000) @Schema(examples = "Please call me about a consultation.") String message,
            @Size(max = 45) @Schema(examples = "95.56.12.34") String ipAddress,
            @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII") String cookieId,
            @Pattern(regexp = "[0-9]{1,20}", message = "must be a Telegram user id (digits)") String telegramUserId,
            @Valid Consent consent,
            @Schema(description = "When the lead was received; default now") Instant receivedAt,
            @Pattern(regexp = "ru|kk|en", message = "must be one of ru, kk, en")
            @Schema(description = "The person's language (ru, kk, en), if known: notices to them use it, else the "
                    + "operator's default", nullable = true, examples = "kk")
            String locale) {
    }

    @Schema(name = "LeadConsent")
    public record Consent(@NotNull Instant at,
            @NotBlank @Size(max = 20) @Schema(examples = "2025-06") String policyVersion,
            @NotEmpty @Size(max = 5) List<@NotNull ProcessingPurpose> purposes) {
    }

    @Schema(name = "LeadBatch")
    public record Batch(@NotEmpty @Size(max = 500) List<@NotNull @Valid Ingest> leads) {
    }

    @Schema(name = "DisclosureRecord", description = "A transfer to a third party (policy section 6).")
    public record Disclose(
            @NotBlank @Size(max = 200) @Schema(examples = "Kazpost JSC") String recipient,
            @Size(max = EmailAddress.MAX_LENGTH) @Schema(description = "Where erasure notices go") String recipientEmail,
            @NotBlank @Size(max = 500) @Schema(examples = "Delivery of the commercial offer") String purpose,
            @NotBlank @Size(max = 200) @Schema(examples = "Consent, policy 6.2") String legalBasis,
            @NotNull LocalDate disclosedOn) {
    }

    @Schema(name = "LegalHold", description = "Data the law requires to keep (Law 94-V Art. 18; policy 7.5).")
    public record Hold(@NotBlank @Size(max = 500) @Schema(examples = "Tax Code Art. 48: contract records kept 5 years")
            String reason,
            @Schema(description = "When the hold ends; none: until lifted") Instant until) {
    }

    /** Cross-field rules of a lead, each reported on its field. */
    @Constraint(validatedBy = LeadValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ValidLead {
        String message() default "invalid lead";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class LeadValidator implements ConstraintValidator<ValidLead, Ingest> {

        private static final java.util.regex.Pattern IPV4 =
                java.util.regex.Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]{2,45}");

        @Override
        public boolean isValid(Ingest lead, ConstraintValidatorContext context) {
            if (lead == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (blank(lead.email()) && blank(lead.phone()) && blank(lead.telegramUserId())) {
                valid = violation(context, "email", "give an e-mail, a phone or a Telegram user id");
            }
            if (!blank(lead.email()) && !EmailAddress.isValid(lead.email())) {
                valid = violation(context, "email", "must be a well-formed e-mail address");
            }
            if (!blank(lead.phone()) && !PhoneNumber.isValid(lead.phone())) {
                valid = violation(context, "phone", "must be a valid phone number");
            }
            if (!blank(lead.ipAddress()) && !isIpAddress(lead.ipAddress())) {
                valid = violation(context, "ipAddress", "must be an IPv4 or IPv6 address");
            }
            return valid;
        }

        static boolean isIpAddress(String text) {
            if (IPV4.matcher(text).matches()) {
                return true;
            }
            if (!text.contains(":") || !IPV6.matcher(text).matches()) {
                return false;
            }
            try {
                // A literal with ':' is parsed as IPv6 without any name lookup.
                return java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
