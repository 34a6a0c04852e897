package chibo.membership.organization;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.membership.member.MemberHistory;
import chibo.membership.member.MemberState;
import chibo.membership.member.MembersForOrganizations;
import chibo.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An organisation is dissolved only once nothing remains in it: the party's organisations form one tree holding every
 * member (Điều lệ Đảng, chương III), so the organisations under it move and its members are transferred first
 * (QĐ 24-QĐ/TW và QĐ 294-QĐ/TW, điểm 6.3), or it is merged into the organisation that takes them over.
 */
class EmptyBeforeDissolutionTest {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate FOUNDED = LocalDate.of(2010, 1, 1);

    private static Organization org(String id, OrganizationEvent... later) {
        return org(id, "DU", Map.of(), later);
    }

    /**
     * A cell registered under {@code parentId} in 2010, then the events given, each on the reform's date unless
     * {@code dates} says otherwise.
     */
    private static Organization org(String id, String parentId, Map<OrganizationEvent, LocalDate> dates,
                                    OrganizationEvent... later) {
        long seq = 0;
        String hash = HashChain.GENESIS;
        Organization state = null;
        List<OrganizationEvent> events = new ArrayList<>();
        events.add(new OrganizationRegistered("Chi bộ " + id, OrgLevel.CELL, parentId));
        events.addAll(List.of(later));
        for (OrganizationEvent payload : events) {
            LocalDate date = payload instanceof OrganizationRegistered ? FOUNDED : dates.getOrDefault(payload, REFORM);
            EventEnvelope event = HashChain.seal(new EventDraft(id, date, id, null, UUID.randomUUID(), null, payload),
                    "/chibo/test", ++seq, hash, UUID.randomUUID(), Instant.now());
            state = Organization.apply(state, event);
            hash = event.hash();
        }
        return state;
    }

    private static EmptyBeforeDissolution.Remaining remaining(String orgId, List<Organization> ever,
                                                             Map<String, List<String>> childrenEver,
                                                             Collection<MemberState> members) {
        Map<String, Organization> byId = ever.stream().collect(Collectors.toMap(Organization::id, o -> o));
        Function<String, Collection<String>> candidates = id -> childrenEver.getOrDefault(id, List.of());
        return EmptyBeforeDissolution.remaining(orgId, REFORM, candidates, id -> Optional.ofNullable(byId.get(id)),
                members.stream().map(MembersForOrganizations::placement).toList());
    }

    @Test
    void an_organisation_whose_children_moved_away_and_whose_members_left_is_dissolved() {
        Organization moved = org("CB-1", new OrganizationMoved("DU-NEW", "DU"));
        Organization dissolved = org("CB-2", new OrganizationDissolved("no members left", null));
        MemberState transferred = MemberHistory.officialInCell("m-1", "CB-X")
                .then(LocalDate.of(2024, 3, 1), new MemberTransferStarted(TransferKind.OFFICIAL, "CB-X", "DU-NEW",
                        "CB-Y", "moved"))
                .then(LocalDate.of(2024, 3, 20), new MemberTransferReceived("CB-Y")).state();
        MemberState deceased = MemberHistory.officialInCell("m-2", "CB-X")
                .then(LocalDate.of(2024, 5, 1), new MemberDeceased(null)).state();

        EmptyBeforeDissolution.Remaining left = remaining("DU", List.of(moved, dissolved),
                Map.of("DU", List.of("CB-1", "CB-2", "CB-unknown")), List.of());
        EmptyBeforeDissolution.Remaining cellLeft = remaining("CB-X", List.of(), Map.of(),
                List.of(transferred, deceased));

        assertThat(left.isEmpty()).as(left.toString()).isTrue();
        assertThat(cellLeft.isEmpty()).as(cellLeft.toString()).isTrue();
        EmptyBeforeDissolution.require("DU", left);
    }

    @Test
    void a_child_still_standing_under_it_or_moved_away_only_after_the_dissolution_date_remains() {
        Organization standing = org("CB-1");
        OrganizationMoved later = new OrganizationMoved("DU-NEW", "DU");
        Organization movedLater = org("CB-2", "DU", Map.of(later, REFORM.plusMonths(1)), later);
        Organization movedOnTheDay = org("CB-3", new OrganizationMoved("DU-NEW", "DU"));

        EmptyBeforeDissolution.Remaining left = remaining("DU", List.of(standing, movedLater, movedOnTheDay),
                Map.of("DU", List.of("CB-3", "CB-2", "CB-1")), List.of());

        assertThat(left.children()).containsExactly("CB-1", "CB-2");
        assertThat(left.members()).isEmpty();
    }

    @Test
    void the_children_of_an_organisation_merged_into_it_hang_under_it_and_remain() {
        Organization merged = org("DU-OLD", new OrganizationDissolved("merged into DU", "DU"));
        Organization underMerged = org("CB-9", "DU-OLD", Map.of());
        Organization elsewhere = org("DU-OTHER", new OrganizationDissolved("merged into DU-3", "DU-3"));
        Organization underElsewhere = org("CB-8", "DU-OTHER", Map.of());

        EmptyBeforeDissolution.Remaining left = remaining("DU", List.of(merged, underMerged, elsewhere,
                underElsewhere), Map.of("DU", List.of("DU-OLD", "DU-OTHER"), "DU-OLD", List.of("CB-9"),
                "DU-OTHER", List.of("CB-8")), List.of());

        assertThat(left.children()).containsExactly("CB-9");
    }

    @Test
    void members_counted_by_the_cell_on_their_way_to_it_or_temporarily_at_it_remain() {
        MemberState counted = MemberHistory.officialInCell("m-1", "CB-X").state();
        MemberState arriving = MemberHistory.officialInCell("m-2", "CB-Y")
                .then(LocalDate.of(2025, 3, 1), new MemberTransferStarted(TransferKind.OFFICIAL, "CB-Y", "DU",
                        "CB-X", "moved")).state();
        MemberState visiting = MemberHistory.officialInCell("m-3", "CB-Y")
                .then(LocalDate.of(2025, 3, 1), new MemberTemporaryTransferStarted("CB-X", TemporaryReason.WORK,
                        LocalDate.of(2025, 12, 31))).state();

        EmptyBeforeDissolution.Remaining left = remaining("CB-X", List.of(), Map.of(),
                List.of(visiting, arriving, counted));

        assertThat(left.members()).containsExactly(
                Map.entry("m-1", EmptyBeforeDissolution.Presence.COUNTED),
                Map.entry("m-2", EmptyBeforeDissolution.Presence.ARRIVING),
                Map.entry("m-3", EmptyBeforeDissolution.Presence.TEMPORARILY_HERE));
    }

    @Test
    void the_refusal_names_the_rule_its_source_and_how_much_remains() {
        EmptyBeforeDissolution.Remaining left = remaining("CB-X", List.of(org("CB-1")), Map.of("CB-X",
                List.of("CB-1")), List.of(MemberHistory.officialInCell("m-2", "CB-X").state(),
                MemberHistory.officialInCell("m-1", "CB-X").state()));
        // CB-1 stands under DU, not under CB-X: only the members remain
        assertThat(left.children()).isEmpty();

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> EmptyBeforeDissolution.require("CB-X", left));

        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.type().toString()).endsWith("rule:organization.empty-before-dissolution");
        assertThat(refused.properties()).containsEntry("rule", EmptyBeforeDissolution.RULE);
        assertThat((String) refused.properties().get("source")).contains("Điều lệ Đảng, chương III");
        assertThat(refused.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("orgId"));
        assertThat(refused.getMessage()).contains("2 active member(s) in it (m-1, m-2)")
                .contains("transfer the members");
        assertThat(refused.properties().get("remaining")).isEqualTo(Map.of("childCount", 0, "children", List.of(),
                "memberCount", 2, "members", Map.of("m-1", "COUNTED", "m-2", "COUNTED")));
    }
}
