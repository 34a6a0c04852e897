package chibo.membership.probation;

import chibo.membership.member.MemberEndpoints;
import chibo.membership.member.MemberView;
import chibo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/members/{memberId}")
@PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
class ProbationController {

    private final Probation probation;

    ProbationController(Probation probation) {
        this.probation = probation;
    }

    @PostMapping("/swearing-in")
    MemberView swearIn(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                       @Valid @RequestBody ProbationRequests.SwearingIn request) {
        return MemberEndpoints.decide(probation::swearIn, memberId, ifMatch, request);
    }

    @PostMapping("/recognition")
    MemberView recognize(@PathVariable String memberId,
                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                         @Valid @RequestBody ProbationRequests.Recognition request) {
        return MemberEndpoints.decide(probation::recognize, memberId, ifMatch, request);
    }

    @PostMapping("/probation-failure")
    MemberView fail(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                    @Valid @RequestBody ProbationRequests.Failure request) {
        return MemberEndpoints.decide(probation::fail, memberId, ifMatch, request);
    }
}
