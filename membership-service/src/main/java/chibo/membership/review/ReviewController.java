package chibo.membership.review;

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
@RequestMapping("/members/{memberId}/reviews")
@PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    /** {@code kind} is {@code REMOVAL} or {@code LET_GO}. */
    @PostMapping("/{kind}/closure")
    MemberView close(@PathVariable String memberId, @PathVariable String kind,
                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                     @Valid @RequestBody ReviewRequests.Closure request) {
        return MemberEndpoints.decide((caller, id, version, closure) -> reviews.close(caller, id, kind, version, closure),
                memberId, ifMatch, request);
    }
}
