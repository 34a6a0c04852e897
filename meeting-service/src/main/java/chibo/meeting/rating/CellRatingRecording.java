package chibo.meeting.rating;

import chibo.contracts.EventDraft;
import chibo.contracts.VietnamTime;
import chibo.contracts.meeting.CellRated;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.quality.MeetingsProperties;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.orgtree.OrgNode;
import chibo.platform.orgtree.OrgTreeProjection;
import chibo.platform.rules.Rule;
import chibo.platform.rules.RuleViolations;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * Records a cell's annual rating and its "Chi bộ 4 tốt" title as the committee above it decided them, checked
 * against the cell's year of meetings ({@link CellRatingRules}).
 */
@Service
class CellRatingRecording {

    private final AggregateStore<CellMeetings> cells;
    private final OrgTreeProjection tree;
    private final SubtreeGuard guard;
    private final List<Rule<CellRatingFacts>> rules;
    private final Clock clock;

    CellRatingRecording(AggregateStore<CellMeetings> cells, OrgTreeProjection tree, SubtreeGuard guard,
                        MeetingsProperties properties, Clock clock) {
        this.cells = cells;
        this.tree = tree;
        this.guard = guard;
        this.rules = CellRatingRules.all(properties.ratings());
        this.clock = clock;
    }

    CellMeetings.Rating rate(Caller caller, String cellId, CellRatingRequest request) {
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
                    VietnamTime.today(clock), decidedAbove, state.standingBreaches(request.year()).size(),
                    meetings.size(), qualityMet);
            RuleViolations.require(rules, facts, "QĐ 366-QĐ/TW");
            return List.of(new EventDraft(cellId, request.decisionDate(), request.decidingOrgId(),
                    request.decisionNumber(), Correlation.current(), null, new CellRated(request.year(), request.level(),
                    request.points(), request.fourGoodTitle())));
        });
        return result.current().state().rating(request.year()).orElseThrow();
    }

    /** The cell's ratings, oldest first. */
    List<CellMeetings.Rating> ratings(Caller caller, String cellId) {
        guard.requireReadable(caller, cellId, "cellId");
        var current = cells.load(cellId);
        return current.exists() ? current.state().ratings() : List.of();
    }
}
