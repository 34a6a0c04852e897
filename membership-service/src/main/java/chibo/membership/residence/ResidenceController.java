package chibo.membership.residence;

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
class ResidenceController {

    private final Residences residences;

    ResidenceController(Residences residences) {
        this.residences = residences;
    }

    @PostMapping("/members/{memberId}/residence")
    MemberView change(@PathVariable String memberId,
                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                      @Valid @RequestBody ResidenceRequest request) {
        return MemberEndpoints.decide(residences::change, memberId, ifMatch, request);
    }
}
