package chibo.reporting.query;

import chibo.contracts.member.MemberStatus;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import chibo.reporting.figures.Counters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

@RestController
class CountsController {

    private final OrgFiguresReader figures;
    private final SubtreeGuard guard;

    CountsController(OrgFiguresReader figures, SubtreeGuard guard) {
        this.figures = figures;
        this.guard = guard;
    }

    /** Members of the organisation and its whole subtree, by status. */
    @GetMapping("/organizations/{orgId}/counts")
    @PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '"
            + Roles.AGENCY_WRITER + "')")
    MemberCounts counts(@PathVariable String orgId) {
        OrgFiguresView counts = figures.findTotals(orgId).orElseThrow(() -> Problems.notFound("organisation", orgId));
        guard.requireReadable(Caller.current(), orgId, "orgId");
        return new MemberCounts(counts.orgId(), counts.name(), counts.level(), counts.parentId(), counts.active(),
                counts.mergedInto(),
                new Members(counts.get(Counters.MEMBERS), counts.get(Counters.status(MemberStatus.PROBATIONARY)),
                        counts.get(Counters.status(MemberStatus.OFFICIAL)), counts.get(Counters.EXEMPTED)),
                counts.counters(), counts.version(), counts.lastRecordedAt());
    }

    record Members(long total, long probationary, long official, long exempted) {
    }

    record MemberCounts(String orgId, String name, String level, String parentId, boolean active, String mergedInto,
                        Members members, Map<String, Long> counters, long version, Instant lastRecordedAt) {
    }
}
