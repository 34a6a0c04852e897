package chibo.membership.duelist;

import chibo.membership.member.MemberDecisions;
import chibo.platform.access.AccessLogged;
import chibo.platform.access.PersonsRead;
import chibo.platform.orgtree.OrgNode;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is due across an organisation's subtree: probationers due for recognition and overdue, transfers in
 * transit past their deadline, admissions decided but not sworn in, members whose readmission waiting period
 * runs, removal and let-go reviews before the cell. It names people, so every read is in the access log with the
 * members it listed.
 */
@RestController
class DueListController {

    private final DueLists dueLists;
    private final OrgChildren orgChildren;
    private final SubtreeGuard guard;
    private final MemberDecisions decisions;

    DueListController(DueLists dueLists, OrgChildren orgChildren, SubtreeGuard guard, MemberDecisions decisions) {
        this.dueLists = dueLists;
        this.orgChildren = orgChildren;
        this.guard = guard;
        this.decisions = decisions;
    }

    /** Where an item stands today. */
    enum State {
        UPCOMING, DUE, OVERDUE, WAITING, ELIGIBLE
    }

    record Entry(String memberId, String fullName, String cellId, String cellName, DueKind kind, LocalDate since,
                 LocalDate deadline, State state) {
    }

    record DueList(String orgId, LocalDate asOf, int cells, List<Entry> items) {
    }

    @GetMapping("/organizations/{orgId}/due-list")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    @AccessLogged(subject = "orgId")
    DueList dueList(@PathVariable String orgId, @RequestParam(required = false) DueKind kind,
                    @RequestParam(defaultValue = "false") boolean overdueOnly) {
        guard.requireReadable(Caller.current(), orgId, "orgId");
        List<OrgNode> subtree = orgChildren.subtree(orgId);
        if (subtree.isEmpty()) {
            throw Problems.notFound("organisation", orgId);
        }
        LocalDate today = decisions.today();
        List<Entry> entries = new ArrayList<>();
        int cells = 0;
        for (OrgNode node : subtree) {
            if (!node.level().holdsMembers()) {
                continue;
            }
            cells++;
            for (DueItem item : dueLists.ofCell(node.id())) {
                State state = state(item, today);
                if ((kind == null || item.kind() == kind) && (!overdueOnly || state == State.OVERDUE)) {
                    entries.add(new Entry(item.memberId(), item.fullName(), node.id(), node.name(), item.kind(),
                            item.since(), item.deadline(), state));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::deadline).thenComparing(Entry::memberId));
        PersonsRead.named(entries.stream().map(Entry::memberId).distinct().toList());
        return new DueList(orgId, today, cells, entries);
    }

    static State state(DueItem item, LocalDate today) {
        if (item.kind() == DueKind.READMISSION_WAITING) {
            return today.isBefore(item.deadline()) ? State.WAITING : State.ELIGIBLE;
        }
        if (today.isBefore(item.since())) {
            return State.UPCOMING;
        }
        return today.isAfter(item.deadline()) ? State.OVERDUE : State.DUE;
    }
}
