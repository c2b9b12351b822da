package kz.region715.dsr.request;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rules that span fields of a filing: a valid e-mail and phone, exactly the
 * details block of the request's type, and values that fit the field they
 * correct. Each broken rule is reported on the field it concerns.
 */
@Constraint(validatedBy = ConsistentRequestValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentRequest {
    String message() default "inconsistent request";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
