package chibo.meeting.rating;

import chibo.contracts.EventDraft;
import chibo.contracts.meeting.CellRated;
import chibo.meeting.Vietnam;
import chibo.meeting.meetings.CellMeetings;
import chibo.meeting.quality.MeetingsProperties;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.orgtree.OrgNode;
import chibo.platform.orgtree.OrgTreeProjection;
import chibo.platform.rules.Rule;
import chibo.platform.rules.RuleViolations;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** A cell's annual rating and the "Chi bộ 4 tốt" title, decided by the committee above it. */
@RestController
class CellRatings {

    private final AggregateStore<CellMeetings> cells;
    private final OrgTreeProjection tree;
    private final SubtreeGuard guard;
    private final List<Rule<CellRatingFacts>> rules;
    private final Clock clock;

    CellRatings(AggregateStore<CellMeetings> cells, OrgTreeProjection tree, SubtreeGuard guard,
                MeetingsProperties properties, Clock clock) {
        this.cells = cells;
        this.tree = tree;
        this.guard = guard;
        this.rules = CellRatingRules.all(properties.ratings());
        this.clock = clock;
    }

    @PostMapping("/cells/{cellId}/ratings")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    @ResponseStatus(HttpStatus.CREATED)
    CellMeetings.Rating rate(@PathVariable String cellId, @Valid @RequestBody CellRatingRequest request) {
        Caller caller = Caller.current();
        OrgNode cell = tree.find(cellId).filter(OrgNode::active).filter(n -> n.level().holdsMembers())
                .orElseThrow(() -> Problems.unknownReference("cellId", "cell", cellId));
        guard.requireWithin(caller, cell.id(), "cellId");
        if (tree.find(request.decidingOrgId()).isEmpty()) {
            throw Problems.unknownReference("decidingOrgId", "organisation", request.decidingOrgId());
        }
        guard.requireWithin(caller, request.decidingOrgId(), "decidingOrgId");
        boolean decidedAbove = !request.decidingOrgId().equals(cellId)
                && tree.lineage(cellId).contains(request.decidingOrgId());
        var result = cells.execute(cellId, current -> {
            CellMeetings state = current.exists() ? current.state() : CellMeetings.empty(cellId);
            List<CellMeetings.Held> meetings = state.meetingsIn(request.year());
            int qualityMet = (int) meetings.stream().filter(m -> m.graded() != null && m.graded().qualityMet())
                    .count();
            CellRatingFacts facts = new CellRatingFacts(request.year(), request.level(), request.points(),
                    request.fourGoodTitle(), state.rating(request.year()).isPresent(), request.decisionDate(),
                    Vietnam.today(clock), decidedAbove, state.standingBreaches(request.year()).size(),
                    meetings.size(), qualityMet);
            RuleViolations.require(rules, facts, "QĐ 366-QĐ/TW");
            return List.of(new EventDraft(cellId, request.decisionDate(), request.decidingOrgId(),
                    request.decisionNumber(), Correlation.current(), null, new CellRated(request.year(), request.level(),
                    request.points(), request.fourGoodTitle())));
        });
        return result.current().state().rating(request.year()).orElseThrow();
    }

    @GetMapping("/cells/{cellId}/ratings")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    List<CellMeetings.Rating> ratings(@PathVariable String cellId) {
        guard.requireReadable(Caller.current(), cellId, "cellId");
        var current = cells.load(cellId);
        return current.exists() ? current.state().ratings() : List.of();
    }
}
