package chibo.membership.leaving;

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
class LeavingController {

    private final Leaving leaving;

    LeavingController(Leaving leaving) {
        this.leaving = leaving;
    }

    @PostMapping("/removal")
    MemberView remove(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                      @Valid @RequestBody LeavingRequests.Removal request) {
        return MemberEndpoints.decide(leaving::remove, memberId, ifMatch, request);
    }

    @PostMapping("/letting-go")
    MemberView letGo(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                     @Valid @RequestBody LeavingRequests.LetGo request) {
        return MemberEndpoints.decide(leaving::letGo, memberId, ifMatch, request);
    }

    @PostMapping("/expulsion")
    MemberView expel(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                     @Valid @RequestBody LeavingRequests.Expulsion request) {
        return MemberEndpoints.decide(leaving::expel, memberId, ifMatch, request);
    }

    @PostMapping("/death")
    MemberView recordDeath(@PathVariable String memberId,
                           @RequestHeader(value = "If-Match", required = false) String ifMatch,
                           @Valid @RequestBody LeavingRequests.Death request) {
        return MemberEndpoints.decide(leaving::recordDeath, memberId, ifMatch, request);
    }
}
