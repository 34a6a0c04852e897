package chibo.membership.standing;

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
class StandingController {

    private final Standing standing;
    private final Ratings ratings;

    StandingController(Standing standing, Ratings ratings) {
        this.standing = standing;
        this.ratings = ratings;
    }

    @PostMapping("/exemption")
    MemberView exempt(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                      @Valid @RequestBody StandingRequests.Exemption request) {
        return MemberEndpoints.decide(standing::exempt, memberId, ifMatch, request);
    }

    @PostMapping("/disciplines")
    MemberView discipline(@PathVariable String memberId,
                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                          @Valid @RequestBody StandingRequests.Discipline request) {
        return MemberEndpoints.decide(standing::discipline, memberId, ifMatch, request);
    }

    @PostMapping("/ratings")
    MemberView rate(@PathVariable String memberId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                    @Valid @RequestBody StandingRequests.Rating request) {
        return MemberEndpoints.decide(ratings::rate, memberId, ifMatch, request);
    }
}
