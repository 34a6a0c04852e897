package chibo.membership.admission;

import chibo.membership.member.MemberEndpoints;
import chibo.membership.member.MemberView;
import chibo.membership.member.NewMembershipEndpoint;
import chibo.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** An admission (kết nạp), decided by the committee above the cell on the cell's resolution. */
@NewMembershipEndpoint
class AdmissionController {

    private final Admissions admissions;

    AdmissionController(Admissions admissions) {
        this.admissions = admissions;
    }

    @PostMapping("/admissions")
    ResponseEntity<MemberView> admit(@Valid @RequestBody AdmitMemberRequest request) {
        return MemberEndpoints.created(admissions.admit(Caller.current(), request));
    }
}
