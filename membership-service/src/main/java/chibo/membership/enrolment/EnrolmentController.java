package chibo.membership.enrolment;

import chibo.membership.member.MemberEndpoints;
import chibo.membership.member.MemberView;
import chibo.membership.member.NewMembershipEndpoint;
import chibo.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** A member admitted before chibo, taken over from an existing register (sổ đảng viên). */
@NewMembershipEndpoint
class EnrolmentController {

    private final Enrolments enrolments;

    EnrolmentController(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @PostMapping("/enrolments")
    ResponseEntity<MemberView> enrol(@Valid @RequestBody EnrolmentRequest request) {
        return MemberEndpoints.created(enrolments.enrol(Caller.current(), request));
    }
}
