package chibo.reporting.figures;

import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.UnitKind;
import chibo.contracts.organization.UnitRegistered;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-up rules with no topology: deltas and organisation events in, the deltas to send out. A delta sent is
 * written {@code "XA1 2025-06 {members=-3}"} (for XA1, in that month), {@code "XA1 child +C1"} or
 * {@code "XA2 merge into XA1 from 2025-06"}.
 */
class OrgRollupTest {

    private static final Instant AT = Instant.parse("2025-03-01T03:00:00Z");

    private final Map<String, OrgFiguresState> organisations = new HashMap<>();
    private final Map<String, MonthState> months = new HashMap<>();
    private final Map<String, List<OrgDelta>> waiting = new HashMap<>();
    private final EventChains chains = new EventChains("/chibo/membership-service");
    private final OrgRollup rollup = new OrgRollup(new OrgRollup.Figures() {
        public OrgFiguresState organisation(String orgId) {
            return organisations.get(orgId);
        }

        public void put(OrgFiguresState organisation) {
            organisations.put(organisation.orgId(), organisation);
        }

        public MonthState month(String key) {
            return months.get(key);
        }

        public void put(String key, MonthState month) {
            months.put(key, month);
        }

        public List<OrgDelta> waiting(String orgId) {
            return waiting.getOrDefault(orgId, List.of());
        }

        public void waiting(String orgId, List<OrgDelta> deltas) {
            if (deltas.isEmpty()) {
                waiting.remove(orgId);
            } else {
                waiting.put(orgId, List.copyOf(deltas));
            }
        }
    });

    @BeforeEach
    void tree() {
        // TQ ─┬─ XA1 ──── C1
        //     └─ XA2 ──── C2          (registered in 2025-01: each cell counts one cell from then)
        settle(register("TQ", OrgLevel.PROVINCE, null));
        settle(register("XA1", OrgLevel.COMMUNE, "TQ"));
        settle(register("XA2", OrgLevel.COMMUNE, "TQ"));
        settle(register("C1", OrgLevel.CELL, "XA1"));
        settle(register("C2", OrgLevel.CELL, "XA2"));
    }

    @Test
    void a_registered_cell_joins_its_parent_and_counts_as_a_cell_there() {
        assertThat(sent(register("C3", OrgLevel.CELL, "XA1")))
                .containsExactly("XA1 child +C3", "XA1 2025-01 {cells=1}");
        assertThat(sent(register("XA3", OrgLevel.COMMUNE, "TQ"))).as("a commune is not a cell")
                .containsExactly("TQ child +XA3");
    }

    @Test
    void a_change_for_a_cell_rolls_up_to_every_ancestor_in_its_month() {
        OrgRollup.Outcome atCell = rollup.delta("C1", counting("2025-02", Map.of("members", 2L,
                "flow.admitted", 2L)));
        assertThat(sent(atCell)).containsExactly("XA1 2025-02 {flow.admitted=2, members=2}");

        OrgRollup.Outcome atCommune = rollup.delta("XA1", atCell.deltas().getFirst().delta());
        assertThat(sent(atCommune)).containsExactly("TQ 2025-02 {flow.admitted=2, members=2}");

        assertThat(sent(rollup.delta("TQ", atCommune.deltas().getFirst().delta()))).as("the top has no parent")
                .isEmpty();
        for (String org : List.of("C1", "XA1", "TQ")) {
            assertThat(totals(org)).as(org).containsEntry("members", 2L).containsEntry("flow.admitted", 2L);
            assertThat(month(org, "2025-02")).as(org).containsEntry("members", 2L);
        }
        assertThat(totals("XA2")).doesNotContainKey("members");
    }

    @Test
    void a_delta_for_an_organisation_not_yet_registered_waits_for_its_registration() {
        assertThat(sent(rollup.delta("C9", counting("2025-02", Map.of("members", 2L))))).isEmpty();

        assertThat(sent(register("C9", OrgLevel.CELL, "XA1")))
                .containsExactly("XA1 child +C9", "XA1 2025-01 {cells=1}", "XA1 2025-02 {members=2}");
        assertThat(totals("C9")).containsEntry("members", 2L).containsEntry("cells", 1L);
    }

    @Test
    void an_organisation_moved_takes_its_stock_from_the_old_line_to_the_new_in_the_month_of_the_move() {
        settle(rollup.delta("C1", counting("2025-02", Map.of("members", 3L, "flow.admitted", 3L))));

        OrgRollup.Outcome move = event("C1", "2025-06-15", new OrganizationMoved("XA2", "XA1"));

        assertThat(sent(move)).containsExactlyInAnyOrder("XA2 child +C1",
                "XA1 2025-06 {cells=-1, members=-3}", "XA2 2025-06 {cells=1, members=3}");
        settle(move);
        assertThat(totals("XA1")).as("its flows stay where they happened").doesNotContainKeys("members", "cells")
                .containsEntry("flow.admitted", 3L);
        assertThat(totals("XA2")).containsEntry("members", 3L).containsEntry("cells", 2L)
                .doesNotContainKey("flow.admitted");
        assertThat(totals("TQ")).as("the same line above both").containsEntry("members", 3L)
                .containsEntry("cells", 2L);
        assertThat(organisations.get("XA1").toFigures().children()).as("it stood there until the move")
                .contains("C1");
        assertThat(organisations.get("XA2").toFigures().children()).contains("C1", "C2");
        assertThat(organisations.get("C1").toFigures().placementHistory().parentIn("2025-05")).isEqualTo("XA1");
        assertThat(organisations.get("C1").toFigures().placementHistory().parentIn("2025-06")).isEqualTo("XA2");
    }

    @Test
    void what_was_counted_in_or_after_the_month_of_a_move_goes_to_the_new_line_in_its_own_month() {
        settle(rollup.delta("C1", counting("2025-08", Map.of("members", 1L, "flow.admitted", 1L))));

        List<String> sent = sent(event("C1", "2025-06-15", new OrganizationMoved("XA2", "XA1")));

        assertThat(sent).containsExactlyInAnyOrder("XA2 child +C1",
                "XA1 2025-06 {cells=-1}", "XA2 2025-06 {cells=1}",
                "XA1 2025-08 {flow.admitted=-1, members=-1}", "XA2 2025-08 {flow.admitted=1, members=1}");
    }

    @Test
    void a_change_dated_before_a_move_counts_up_the_old_line_and_its_stock_then_follows_the_move() {
        settle(event("C1", "2025-06-15", new OrganizationMoved("XA2", "XA1")));

        assertThat(sent(rollup.delta("C1", counting("2025-04", Map.of("members", 1L, "flow.admitted", 1L)))))
                .containsExactlyInAnyOrder("XA1 2025-04 {flow.admitted=1, members=1}", "XA1 2025-06 {members=-1}",
                        "XA2 2025-06 {members=1}");
        assertThat(sent(rollup.delta("C1", counting("2025-07", Map.of("members", 1L))))).as("after the move")
                .containsExactly("XA2 2025-07 {members=1}");
    }

    @Test
    void a_merged_organisation_hands_its_stock_to_the_target_in_the_month_of_the_merger() {
        settle(rollup.delta("C2", counting("2025-02", Map.of("members", 4L, "flow.admitted", 4L))));

        OrgRollup.Outcome merger = event("XA1", "2025-06-01", new OrganizationMerged(List.of("XA2")));

        assertThat(sent(merger)).containsExactly("XA2 merge into XA1 from 2025-06");
        assertThat(settle(merger)).containsExactlyInAnyOrder("XA2 merge into XA1 from 2025-06",
                "TQ 2025-06 {cells=-1, members=-4}", "XA1 2025-06 {cells=1, members=4}",
                "TQ 2025-06 {cells=1, members=4}");
        assertThat(totals("XA2")).doesNotContainKeys("members", "cells").containsEntry("flow.admitted", 4L);
        assertThat(totals("XA1")).containsEntry("members", 4L).containsEntry("cells", 2L)
                .doesNotContainKey("flow.admitted");
        assertThat(totals("TQ")).containsEntry("members", 4L).containsEntry("cells", 2L)
                .containsEntry("flow.admitted", 4L);
        assertThat(organisations.get("XA2").toFigures().mergedInto()).isEqualTo("XA1");
        assertThat(organisations.get("XA2").toFigures().active()).isFalse();
    }

    @Test
    void what_reaches_a_merged_organisation_afterwards_is_passed_on_to_its_target() {
        settle(event("XA1", "2025-06-01", new OrganizationMerged(List.of("XA2"))));

        assertThat(sent(rollup.delta("XA2", counting("2025-07", Map.of("members", 1L, "flow.admitted", 1L)))))
                .as("after the merger: the target's").containsExactly("XA1 2025-07 {flow.admitted=1, members=1}");
        assertThat(sent(rollup.delta("XA2", counting("2025-04", Map.of("members", 1L, "flow.admitted", 1L)))))
                .as("before the merger: counted where it happened, its stock taken over in the merger's month")
                .containsExactlyInAnyOrder("TQ 2025-04 {flow.admitted=1, members=1}", "TQ 2025-06 {members=-1}",
                        "XA1 2025-06 {members=1}");
    }

    @Test
    void a_dissolved_cell_no_longer_counts_as_a_cell_up_the_line_and_only_once() {
        assertThat(sent(event("C1", "2025-09-10", new OrganizationDissolved("merged", null))))
                .containsExactly("XA1 2025-09 {cells=-1}");
        assertThat(organisations.get("C1").toFigures().active()).isFalse();
        assertThat(sent(event("C1", "2025-10-10", new OrganizationDissolved("again", null)))).isEmpty();
        assertThat(sent(event("XA1", "2025-09-10", new OrganizationDissolved("reorganised", null))))
                .as("a commune is not a cell").isEmpty();
    }

    @Test
    void an_organisation_keeps_the_months_it_was_registered_and_stopped_existing() {
        settle(event("XA1", "2025-06-01", new OrganizationMerged(List.of("XA2"))));
        settle(event("XA2", "2025-06-01", new OrganizationDissolved("merged into XA1", "XA1")));
        settle(event("C1", "2025-09-10", new OrganizationDissolved("no members left", null)));

        assertThat(organisations.get("XA2").toFigures().placementHistory())
                .isEqualTo(new Placements("2025-01", "2025-06", List.of(new OrgFigures.Placement(
                        OrgFigures.ALWAYS, "TQ"))));
        assertThat(organisations.get("C1").toFigures().placementHistory().endedMonth()).isEqualTo("2025-09");
        assertThat(organisations.get("XA1").toFigures().placementHistory().endedMonth()).isNull();
        assertThat(organisations.get("XA1").toFigures().registeredMonth()).isEqualTo("2025-01");
    }

    @Test
    void a_child_joining_or_leaving_changes_the_list_of_children_and_goes_no_further() {
        assertThat(sent(rollup.delta("XA1", OrgDelta.child("C7", true, "cause", AT)))).isEmpty();
        assertThat(organisations.get("XA1").toFigures().children()).contains("C1", "C7");

        assertThat(sent(rollup.delta("XA1", OrgDelta.child("C7", false, "cause", AT)))).isEmpty();
        assertThat(organisations.get("XA1").toFigures().children()).containsExactly("C1");
    }

    @Test
    void a_unit_registered_goes_to_the_unit_fold_and_changes_no_figures() {
        OrgRollup.Outcome outcome = event("XA1", "2025-03-01", new UnitRegistered("U1", "Thôn 1", UnitKind.VILLAGE));

        assertThat(outcome.deltas()).isEmpty();
        assertThat(outcome.unitFacts()).singleElement().satisfies(fact -> {
            assertThat(fact.unitId()).isEqualTo("U1");
            assertThat(fact.change()).isEqualTo(UnitFact.Change.REGISTERED);
            assertThat(fact.ownerOrgId()).isEqualTo("XA1");
            assertThat(fact.month()).isEqualTo("2025-03");
            assertThat(fact.name()).isEqualTo("Thôn 1");
        });
    }

    private OrgRollup.Outcome register(String orgId, OrgLevel level, String parentId) {
        return event(orgId, "2025-01-01", new OrganizationRegistered(orgId, level, parentId));
    }

    private OrgRollup.Outcome event(String orgId, String effective, OrganizationEvent payload) {
        return rollup.organisationEvent(chains.next(orgId, LocalDate.parse(effective), orgId, payload, AT));
    }

    private static OrgDelta counting(String month, Map<String, Long> counters) {
        return OrgDelta.of(counters, month, "cause", AT);
    }

    /** Delivers every delta sent, and whatever those send in turn, as the org-deltas topic would: all of them. */
    private List<String> settle(OrgRollup.Outcome outcome) {
        List<String> delivered = new ArrayList<>();
        Deque<OrgRollup.Sent> queue = new ArrayDeque<>(outcome.deltas());
        while (!queue.isEmpty()) {
            OrgRollup.Sent sent = queue.poll();
            delivered.add(describe(sent));
            queue.addAll(rollup.delta(sent.orgId(), sent.delta()).deltas());
        }
        return delivered;
    }

    private static List<String> sent(OrgRollup.Outcome outcome) {
        return outcome.deltas().stream().map(OrgRollupTest::describe).toList();
    }

    private static String describe(OrgRollup.Sent sent) {
        OrgDelta delta = sent.delta();
        if (delta.child() != null) {
            return sent.orgId() + " child " + (delta.childAdded() ? "+" : "-") + delta.child();
        }
        if (delta.mergeInto() != null) {
            return sent.orgId() + " merge into " + delta.mergeInto() + " from " + delta.month();
        }
        return sent.orgId() + " " + delta.month() + " " + new TreeMap<>(delta.counters());
    }

    private Map<String, Long> totals(String orgId) {
        return organisations.get(orgId).toFigures().counters();
    }

    private Map<String, Long> month(String orgId, String month) {
        MonthState stored = months.get(OrgMonth.key(orgId, month));
        return stored == null ? Map.of() : stored.counters();
    }
}
