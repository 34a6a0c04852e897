package chibo.membership.history;

import chibo.membership.member.MemberState;
import chibo.membership.organization.Organization;
import chibo.platform.access.AccessLogged;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.ChainVerifier;
import chibo.platform.eventstore.EventStore;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A member's or organisation's full history as stored here, and the verification of its hash chain. For the
 * agency that keeps the register (its subtree), auditors and the data-protection role. Every read is in the access
 * log: an organisation's history names the holders of its positions.
 */
@RestController
@PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.AUDITOR + "', '" + Roles.DATA_PROTECTION
        + "')")
class HistoryController {

    private final AggregateStore<MemberState> members;
    private final AggregateStore<Organization> organizations;
    private final SubtreeGuard guard;

    HistoryController(AggregateStore<MemberState> members, AggregateStore<Organization> organizations,
                      SubtreeGuard guard) {
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
    }

    @GetMapping("/members/{memberId}/history")
    @AccessLogged(subject = "memberId")
    List<HistoryEntry> memberHistory(@PathVariable String memberId) {
        return entries(memberHistoryChecked(memberId));
    }

    @GetMapping("/members/{memberId}/verify")
    @AccessLogged(subject = "memberId")
    ChainVerifier.Report verifyMember(@PathVariable String memberId) {
        return ChainVerifier.verify(memberId, memberHistoryChecked(memberId));
    }

    @GetMapping("/organizations/{orgId}/history")
    @AccessLogged(subject = "orgId")
    List<HistoryEntry> organizationHistory(@PathVariable String orgId) {
        return entries(organizationHistoryChecked(orgId));
    }

    @GetMapping("/organizations/{orgId}/verify")
    @AccessLogged(subject = "orgId")
    ChainVerifier.Report verifyOrganization(@PathVariable String orgId) {
        return ChainVerifier.verify(orgId, organizationHistoryChecked(orgId));
    }

    private List<EventStore.StoredEvent> memberHistoryChecked(String memberId) {
        var current = members.load(memberId);
        if (!current.exists()) {
            throw Problems.notFound("member", memberId);
        }
        guard.requireReadable(Caller.current(), current.state().cellId(), "memberId");
        return members.history(memberId);
    }

    private List<EventStore.StoredEvent> organizationHistoryChecked(String orgId) {
        if (!organizations.load(orgId).exists()) {
            throw Problems.notFound("organisation", orgId);
        }
        guard.requireReadable(Caller.current(), orgId, "orgId");
        return organizations.history(orgId);
    }

    private static List<HistoryEntry> entries(List<EventStore.StoredEvent> history) {
        return history.stream().map(stored -> HistoryEntry.of(stored.envelope())).toList();
    }
}
