package chibo.membership.member;

import chibo.membership.admission.AdmitMemberRequest;
import chibo.membership.admission.Admissions;
import chibo.membership.enrolment.EnrolmentRequest;
import chibo.membership.enrolment.Enrolments;
import chibo.membership.readmission.ReadmissionRequest;
import chibo.membership.readmission.Readmissions;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The three ways a membership begins: admission, readmission, enrolment from an existing register. */
@RestController
@RequestMapping("/members")
@PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
class NewMembershipController {

    private final Admissions admissions;
    private final Readmissions readmissions;
    private final Enrolments enrolments;

    NewMembershipController(Admissions admissions, Readmissions readmissions, Enrolments enrolments) {
        this.admissions = admissions;
        this.readmissions = readmissions;
        this.enrolments = enrolments;
    }

    @PostMapping("/admissions")
    ResponseEntity<MemberView> admit(@Valid @RequestBody AdmitMemberRequest request) {
        return created(admissions.admit(Caller.current(), request));
    }

    @PostMapping("/readmissions")
    ResponseEntity<MemberView> readmit(@Valid @RequestBody ReadmissionRequest request) {
        return created(readmissions.readmit(Caller.current(), request));
    }

    @PostMapping("/enrolments")
    ResponseEntity<MemberView> enrol(@Valid @RequestBody EnrolmentRequest request) {
        return created(enrolments.enrol(Caller.current(), request));
    }

    private static ResponseEntity<MemberView> created(MemberView member) {
        return ResponseEntity.created(URI.create("/members/" + member.id())).eTag(Versions.etag(member.version()))
                .body(member);
    }
}
