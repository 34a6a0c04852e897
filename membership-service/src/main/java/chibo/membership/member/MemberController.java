package chibo.membership.member;

import chibo.platform.access.AccessLogged;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's record: for the writers of the member's subtree, auditors and the data-protection role, not for
 * dashboard readers (their figures need no one's name or birth date). Every read is in the access log.
 */
@RestController
@RequestMapping("/members")
class MemberController {

    private final AggregateStore<MemberState> members;
    private final SubtreeGuard guard;
    private final MemberDecisions decisions;

    MemberController(AggregateStore<MemberState> members, SubtreeGuard guard, MemberDecisions decisions) {
        this.members = members;
        this.guard = guard;
        this.decisions = decisions;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.AUDITOR + "', '"
            + Roles.DATA_PROTECTION + "')")
    @AccessLogged(subject = "id")
    MemberView get(@PathVariable String id) {
        var current = members.load(id);
        if (!current.exists()) {
            throw Problems.notFound("member", id);
        }
        guard.requireReadable(Caller.current(), current.state().cellId(), "id");
        return MemberView.of(current.state(), current.seq(), decisions.today());
    }
}
