package chibo.membership.correction;

import chibo.membership.member.MemberEndpoints;
import chibo.membership.member.MemberView;
import chibo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
class CorrectionController {

    private final Corrections corrections;

    CorrectionController(Corrections corrections) {
        this.corrections = corrections;
    }

    @PostMapping("/members/{memberId}/corrections")
    MemberView correct(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                       @Valid @RequestBody CorrectionRequest request) {
        return MemberEndpoints.decide(corrections::correct, memberId, ifMatch, request);
    }
}
