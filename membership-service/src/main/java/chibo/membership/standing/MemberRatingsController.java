package chibo.membership.standing;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A grassroots organisation's annual ratings of its members. */
@RestController
@RequestMapping("/organizations/{orgId}/member-ratings")
class MemberRatingsController {

    private final Ratings ratings;

    MemberRatingsController(Ratings ratings) {
        this.ratings = ratings;
    }

    /** The year's ratings decided together: recorded whole, or refused whole. */
    @PostMapping
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    RatingBatchView rateAll(@PathVariable String orgId, @Valid @RequestBody StandingRequests.RatingBatch request) {
        return ratings.rateAll(Caller.current(), orgId, request);
    }

    /** How many were rated what for {@code year}, and how many may be "xuất sắc". */
    @GetMapping
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    RatingTallyView tally(@PathVariable String orgId, @RequestParam(required = false) String year) {
        return ratings.tally(Caller.current(), orgId, year);
    }
}
