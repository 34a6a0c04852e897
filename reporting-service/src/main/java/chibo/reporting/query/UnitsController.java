package chibo.reporting.query;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class UnitsController {

    private final UncoveredUnits units;
    private final OrgFiguresReader figures;
    private final SubtreeGuard guard;

    UnitsController(UncoveredUnits units, OrgFiguresReader figures, SubtreeGuard guard) {
        this.units = units;
        this.figures = figures;
        this.guard = guard;
    }

    /** The units registered in the organisation's subtree that no cell covers or where no active member resides. */
    @GetMapping("/organizations/{orgId}/uncovered-units")
    @PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '"
            + Roles.AGENCY_WRITER + "')")
    Uncovered uncovered(@PathVariable String orgId) {
        figures.findTotals(orgId).orElseThrow(() -> Problems.notFound("organisation", orgId));
        guard.requireReadable(Caller.current(), orgId, "orgId");
        List<UncoveredUnits.Unit> found = units.of(orgId)
                .orElseThrow(() -> Problems.notFound("organisation", orgId));
        return new Uncovered(orgId, found);
    }

    record Uncovered(String orgId, List<UncoveredUnits.Unit> units) {
    }
}
