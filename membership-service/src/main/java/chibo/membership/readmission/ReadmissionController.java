package chibo.membership.readmission;

import chibo.membership.member.MemberEndpoints;
import chibo.membership.member.MemberView;
import chibo.membership.member.NewMembershipEndpoint;
import chibo.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** A readmission (kết nạp lại): a new membership for someone whose membership ended. */
@NewMembershipEndpoint
class ReadmissionController {

    private final Readmissions readmissions;

    ReadmissionController(Readmissions readmissions) {
        this.readmissions = readmissions;
    }

    @PostMapping("/readmissions")
    ResponseEntity<MemberView> readmit(@Valid @RequestBody ReadmissionRequest request) {
        return MemberEndpoints.created(readmissions.readmit(Caller.current(), request));
    }
}
