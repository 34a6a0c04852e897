package chibo.reporting.figures;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass fold's own bookkeeping; that its figures are the topology's is checked in every topology scenario
 * ({@code TopologyHarness#assertOnePassFoldAgrees}).
 */
class FiguresFoldTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    private final EventChains organisations = new EventChains("/chibo/membership-service");
    private final EventChains members = new EventChains("/chibo/membership-service");
    private final FiguresFold fold = new FiguresFold();

    @BeforeEach
    void tree() {
        fold.apply(organisation("P", new OrganizationRegistered("Tỉnh", OrgLevel.PROVINCE, null)));
        fold.apply(organisation("C", new OrganizationRegistered("Chi bộ", OrgLevel.CELL, "P")));
    }

    private EventEnvelope organisation(String id, EventPayload payload) {
        return organisations.next(id, DAY, id, payload);
    }

    private EventEnvelope member(String id, EventPayload payload) {
        return members.next(id, DAY, "C", payload);
    }

    private static MemberAdmitted admitted() {
        return new MemberAdmitted(new Person("Hà Thị Lan", LocalDate.of(1990, 1, 1), Sex.FEMALE, "Tày",
                Education.UNIVERSITY, null), "C", null, new Vote(9, 0, 0, 9), List.of(), true, null);
    }

    private long members(String orgId) {
        return fold.organisation(orgId).orElseThrow().counters().getOrDefault(Counters.MEMBERS, 0L);
    }

    @Test
    void a_member_counts_in_the_cell_and_every_level_above_it() {
        assertThat(fold.apply(member("m1", admitted()))).isNull();

        assertThat(members("C")).isEqualTo(1);
        assertThat(members("P")).isEqualTo(1);
        assertThat(fold.months("P")).containsKey("2024-03");
    }

    @Test
    void an_event_ahead_of_its_predecessor_waits_for_it_and_a_repeat_changes_nothing() {
        EventEnvelope admission = member("m1", admitted());
        EventEnvelope death = member("m1", new MemberDeceased("từ trần"));

        assertThat(fold.apply(death)).isNull();
        assertThat(fold.waiting()).isEqualTo(1);
        assertThat(fold.organisation("C").orElseThrow().counters()).doesNotContainKey(Counters.MEMBERS);

        fold.apply(admission);
        fold.apply(admission);
        assertThat(fold.waiting()).isZero();
        assertThat(members("P")).isZero();
        assertThat(fold.organisation("P").orElseThrow().counters()).containsEntry("flow.deceased", 1L)
                .containsEntry("flow.admitted", 1L);
    }

    @Test
    void what_the_rules_turn_away_is_refused_with_the_topologys_reason_and_changes_nothing() {
        String refused = fold.apply(member("m1", new MemberDeceased("từ trần")));
        assertThat(refused).startsWith("cannot apply member.deceased.v1 seq 1 of m1:");

        String unregistered = fold.apply(organisation("X", new OrganizationRenamed("Xã mới", "Xã cũ")));
        assertThat(unregistered).isEqualTo("organization.renamed.v1 for unregistered organisation X");

        assertThat(fold.refused()).isEqualTo(2);
        assertThat(fold.organisations()).containsExactlyInAnyOrder("P", "C");
        assertThat(fold.organisation("P").orElseThrow().counters()).doesNotContainKey("flow.deceased");
    }

    @Test
    void what_it_folded_can_be_read_back_subject_by_subject_with_the_last_seq_applied() {
        fold.apply(member("m1", admitted()));
        fold.apply(member("m1", new MemberDeceased("từ trần")));

        fold.forEachMember((id, seq, facts) -> {
            assertThat(id).isEqualTo("m1");
            assertThat(seq).isEqualTo(2);
            assertThat(facts.status()).hasToString("DECEASED");
        });
        List<String> months = new java.util.ArrayList<>();
        fold.forEachMonth((key, month) -> months.add(key));
        assertThat(months).contains(OrgMonth.key("C", "2024-03"), OrgMonth.key("P", "2024-03"));
    }
}
