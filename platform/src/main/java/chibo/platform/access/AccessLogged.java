package chibo.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that reads a person's data (a record, a history, an audit trail, a list of people): every
 * request to it that carries a valid token is written to the {@link AccessLog}, answered or refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AccessLogged {

    /** The path variable naming the person or subject read ({@code memberId}); empty when the path names none. */
    String subject() default "";
}
