package chibo.membership.review;

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
        return reviews.close(Caller.current(), memberId, kind, Versions.fromIfMatch(ifMatch), request);
    }
}
