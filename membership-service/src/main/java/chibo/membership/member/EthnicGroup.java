package chibo.membership.member;

import chibo.contracts.member.EthnicGroups;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of Vietnam's 54 ethnic groups ({@link EthnicGroups}), by its code or a name; a value left out is for
 * {@code @NotBlank} to refuse.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EthnicGroup.Known.class)
public @interface EthnicGroup {

    String message() default "one of Vietnam's 54 ethnic groups, by its code (01–54) or its name: Kinh, Tày, Thái,"
            + " Hoa, Khơ-me, Mường, Nùng, Mông, Dao… (the list: docs/rules.md, Ethnic groups)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value names a group. */
    class Known implements ConstraintValidator<EthnicGroup, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || EthnicGroups.find(value).isPresent();
        }
    }
}
