package kz.region715.dsr.platform.text;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@code @NotBlank} everywhere means {@link Text#isBlank}: text of no-break, ideographic or other Unicode spaces is
 * as blank as text of ASCII spaces (Hibernate Validator's own check knows only Java whitespace).
 */
@ApplicationScoped
public class UnicodeBlankRule implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class)
                .includeExistingValidators(false)
                .validatedBy(NotBlankValidator.class);
        configuration.addMapping(mapping);
    }

    /** The validator of {@code @NotBlank} on text. */
    public static final class NotBlankValidator implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !Text.isBlank(value);
        }
    }
}
