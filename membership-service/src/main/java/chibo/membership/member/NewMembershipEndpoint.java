package chibo.membership.member;

import chibo.platform.security.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of one way a membership begins (admission, readmission, enrolment): under {@code /members}, for
 * agency writers, listed together in the API description under the tag they have always had there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RestController
@RequestMapping("/members")
@PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
@Tag(name = "new-membership-controller")
public @interface NewMembershipEndpoint {
}
