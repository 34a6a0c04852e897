package chibo.membership.leaving;

import chibo.membership.member.MemberView;
import chibo.membership.member.Versions;
import chibo.platform.security.Caller;
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
        return leaving.remove(Caller.current(), memberId, Versions.fromIfMatch(ifMatch), request);
    }

    @PostMapping("/letting-go")
    MemberView letGo(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                     @Valid @RequestBody LeavingRequests.LetGo request) {
        return leaving.letGo(Caller.current(), memberId, Versions.fromIfMatch(ifMatch), request);
    }

    @PostMapping("/expulsion")
    MemberView expel(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                     @Valid @RequestBody LeavingRequests.Expulsion request) {
        return leaving.expel(Caller.current(), memberId, Versions.fromIfMatch(ifMatch), request);
    }

    @PostMapping("/death")
    MemberView recordDeath(@PathVariable String memberId,
                           @RequestHeader(value = "If-Match", required = false) String ifMatch,
                           @Valid @RequestBody LeavingRequests.Death request) {
        return leaving.recordDeath(Caller.current(), memberId, Versions.fromIfMatch(ifMatch), request);
    }
}
