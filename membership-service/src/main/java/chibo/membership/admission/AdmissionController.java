package chibo.membership.admission;

import chibo.membership.member.MemberView;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
class AdmissionController {

    private final Admissions admissions;

    AdmissionController(Admissions admissions) {
        this.admissions = admissions;
    }

    @PostMapping("/members/admissions")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    ResponseEntity<MemberView> admit(@Valid @RequestBody AdmitMemberRequest request) {
        MemberView admitted = admissions.admit(Caller.current(), request);
        return ResponseEntity.created(URI.create("/members/" + admitted.id())).body(admitted);
    }
}
