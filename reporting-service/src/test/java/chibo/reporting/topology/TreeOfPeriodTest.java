package chibo.reporting.topology;

import chibo.contracts.member.MemberExpelled;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.reporting.figures.Counters;
import chibo.reporting.query.ChildrenThen;
import chibo.reporting.query.Figures;
import chibo.reporting.query.OrgFiguresView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static chibo.reporting.figures.Counters.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree of a period through the whole topology: the reform of 01/07/2025 moves the communes from their district
 * to the province, merges two of them and dissolves the districts; the children of a past period are the
 * organisations that stood under the parent then, and their rows add up to the parent's figures.
 */
class TreeOfPeriodTest {

    private static final LocalDate FOUNDED = LocalDate.of(2015, 1, 1);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private TopologyHarness harness;

    @BeforeEach
    void reform() {
        harness = new TopologyHarness();
        // until 30/06/2025                      from 01/07/2025
        // TINH ─┬─ HUYEN1 ─┬─ XA1 ── C1          TINH ─┬─ XA1 ── C1 (XA2 merged into it, C2 still under XA2)
        //       │          └─ XA2 ── C2                └─ XA3 ── C3
        //       └─ HUYEN2 ──── XA3 ── C3          HUYEN1, HUYEN2 dissolved
        register("TINH", OrgLevel.PROVINCE, null);
        register("HUYEN1", OrgLevel.DISTRICT, "TINH");
        register("HUYEN2", OrgLevel.DISTRICT, "TINH");
        register("XA1", OrgLevel.COMMUNE, "HUYEN1");
        register("XA2", OrgLevel.COMMUNE, "HUYEN1");
        register("XA3", OrgLevel.COMMUNE, "HUYEN2");
        register("C1", OrgLevel.CELL, "XA1");
        register("C2", OrgLevel.CELL, "XA2");
        register("C3", OrgLevel.CELL, "XA3");
        admit("a", "C1", "2020-03-10");
        admit("b", "C2", "2021-06-01");
        admit("c", "C3", "2022-02-01");
        admit("e", "C3", "2024-05-20");

        harness.organization("XA1", REFORM, new OrganizationMoved("TINH", "HUYEN1"));
        harness.organization("XA2", REFORM, new OrganizationMoved("TINH", "HUYEN1"));
        harness.organization("XA3", REFORM, new OrganizationMoved("TINH", "HUYEN2"));
        harness.organization("XA1", REFORM, new OrganizationMerged(List.of("XA2")));
        harness.organization("XA2", REFORM, new OrganizationDissolved("merged into XA1", "XA1"));
        harness.organization("HUYEN1", REFORM, new OrganizationDissolved("reform", null));
        harness.organization("HUYEN2", REFORM, new OrganizationDissolved("reform", null));

        admit("d", "C1", "2025-08-10");
        harness.member("e", LocalDate.parse("2025-09-15"), new MemberExpelled("vi phạm"));
        admit("f", "C2", "2025-10-05");
    }

    /** Whatever each scenario left, the one-pass fold of the same events makes the same figures. */
    @AfterEach
    void close() {
        try {
            harness.assertOnePassFoldAgrees();
        } finally {
            harness.close();
        }
    }

    private void register(String orgId, OrgLevel level, String parentId) {
        harness.organization(orgId, FOUNDED, new OrganizationRegistered(orgId, level, parentId));
    }

    private void admit(String memberId, String cellId, String day) {
        harness.member(memberId, LocalDate.parse(day), TopologyHarness.admitted(cellId));
    }

    private List<ChildrenThen.Share> children(String parentId, String from, String to, YearMonth... stockMonths) {
        OrgFiguresView parent = harness.counts(parentId);
        return ChildrenThen.of(parentId, parent.children().stream().map(harness::counts).toList(),
                YearMonth.parse(from), YearMonth.parse(to), stockMonths);
    }

    /** Each row's members at the stock month asked (by its index), by organisation. */
    private static Map<String, Long> members(List<ChildrenThen.Share> rows, int stock) {
        Map<String, Long> members = new LinkedHashMap<>();
        rows.forEach(row -> members.put(row.counts().orgId(), row.stocks().get(stock).getOrDefault(MEMBERS, 0L)));
        return members;
    }

    private static Map<String, Long> flow(List<ChildrenThen.Share> rows, String counter) {
        Map<String, Long> flows = new LinkedHashMap<>();
        rows.forEach(row -> flows.put(row.counts().orgId(), row.flows().getOrDefault(counter, 0L)));
        return flows;
    }

    /** The rows' stock at each month asked and their flows add up to the parent's: nothing counted twice or lost. */
    private void assertRowsAddUp(String parentId, List<ChildrenThen.Share> rows, String from, String to,
                                 YearMonth... stockMonths) {
        OrgFiguresView parent = harness.counts(parentId);
        for (int i = 0; i < stockMonths.length; i++) {
            Map<String, Long> sum = new HashMap<>();
            for (ChildrenThen.Share row : rows) {
                Counters.addTo(sum, row.stocks().get(i));
            }
            sum.values().removeIf(value -> value == 0L);
            assertThat(sum).as("stock at " + stockMonths[i]).isEqualTo(Figures.stockAt(parent, stockMonths[i]));
        }
        Map<String, Long> flows = new HashMap<>();
        rows.forEach(row -> Counters.addTo(flows, row.flows()));
        flows.values().removeIf(value -> value == 0L);
        assertThat(flows).as("flows").isEqualTo(Figures.flowsBetween(parent, YearMonth.parse(from),
                YearMonth.parse(to)));
    }

    @Test
    void a_province_in_2020_to_2023_lists_its_districts_and_not_the_communes_it_has_today() {
        YearMonth asOf = YearMonth.of(2023, 12);
        List<ChildrenThen.Share> rows = children("TINH", "2020-01", "2023-12", asOf);

        assertThat(members(rows, 0)).containsExactly(Map.entry("HUYEN1", 2L), Map.entry("HUYEN2", 1L));
        assertThat(flow(rows, Counters.ADMITTED)).containsExactly(Map.entry("HUYEN1", 2L), Map.entry("HUYEN2", 1L));
        assertRowsAddUp("TINH", rows, "2020-01", "2023-12", asOf);
    }

    @Test
    void a_district_in_2020_to_2023_lists_the_communes_it_had_then() {
        YearMonth asOf = YearMonth.of(2023, 12);
        List<ChildrenThen.Share> rows = children("HUYEN1", "2020-01", "2023-12", asOf);

        assertThat(members(rows, 0)).containsExactly(Map.entry("XA1", 1L), Map.entry("XA2", 1L));
        assertThat(flow(rows, Counters.ADMITTED)).containsExactly(Map.entry("XA1", 1L), Map.entry("XA2", 1L));
        assertRowsAddUp("HUYEN1", rows, "2020-01", "2023-12", asOf);
    }

    @Test
    void a_province_in_the_second_half_of_2025_lists_its_communes_and_the_districts_dissolved_in_its_first_month() {
        YearMonth asOf = YearMonth.of(2025, 12);
        List<ChildrenThen.Share> rows = children("TINH", "2025-07", "2025-12", asOf);

        assertThat(members(rows, 0)).containsExactly(Map.entry("HUYEN1", 0L), Map.entry("HUYEN2", 0L),
                Map.entry("XA1", 4L), Map.entry("XA2", 0L), Map.entry("XA3", 1L));
        assertThat(flow(rows, Counters.ADMITTED)).as("d in C1, f in C2 after XA2 merged into XA1")
                .containsExactly(Map.entry("HUYEN1", 0L), Map.entry("HUYEN2", 0L), Map.entry("XA1", 2L),
                        Map.entry("XA2", 0L), Map.entry("XA3", 0L));
        assertThat(flow(rows, Counters.EXPELLED)).containsEntry("XA3", 1L);
        assertRowsAddUp("TINH", rows, "2025-07", "2025-12", asOf);
    }

    @Test
    void a_year_across_the_reform_takes_each_child_for_the_months_it_stood_under_the_province() {
        YearMonth june = YearMonth.of(2025, 6);
        YearMonth december = YearMonth.of(2025, 12);
        List<ChildrenThen.Share> rows = children("TINH", "2025-01", "2025-12", june, december);

        assertThat(members(rows, 0)).as("at the end of June: under the districts")
                .containsExactly(Map.entry("HUYEN1", 2L), Map.entry("HUYEN2", 2L), Map.entry("XA1", 0L),
                        Map.entry("XA2", 0L), Map.entry("XA3", 0L));
        assertThat(members(rows, 1)).as("at the end of December: under the communes")
                .containsExactly(Map.entry("HUYEN1", 0L), Map.entry("HUYEN2", 0L), Map.entry("XA1", 4L),
                        Map.entry("XA2", 0L), Map.entry("XA3", 1L));
        assertThat(rows.stream().filter(row -> row.counts().orgId().equals("XA1")).findFirst().orElseThrow().under())
                .extracting(span -> span.from() + ".." + span.to()).containsExactly("2025-07..2025-12");
        assertRowsAddUp("TINH", rows, "2025-01", "2025-12", june, december);
    }

    @Test
    void a_district_after_the_reform_lists_no_one_and_before_it_the_communes_that_left() {
        assertThat(children("HUYEN1", "2025-08", "2025-12", YearMonth.of(2025, 12))).isEmpty();
        List<ChildrenThen.Share> first = children("HUYEN1", "2025-01", "2025-06", YearMonth.of(2025, 6));
        assertThat(members(first, 0)).containsExactly(Map.entry("XA1", 1L), Map.entry("XA2", 1L));
        assertRowsAddUp("HUYEN1", first, "2025-01", "2025-06", YearMonth.of(2025, 6));
    }

    @Test
    void a_child_registered_later_is_listed_for_a_period_its_backdated_figures_counted_in_and_not_otherwise() {
        harness.organization("C9", LocalDate.of(2025, 7, 1), new OrganizationRegistered("C9", OrgLevel.CELL, "XA3"));
        admit("old", "C9", "2010-05-01");

        List<ChildrenThen.Share> rows = children("XA3", "2010-01", "2010-12", YearMonth.of(2010, 12));
        assertThat(members(rows, 0)).containsExactly(Map.entry("C9", 1L));
        assertRowsAddUp("XA3", rows, "2010-01", "2010-12", YearMonth.of(2010, 12));
        assertThat(children("XA3", "2009-01", "2009-12", YearMonth.of(2009, 12))).isEmpty();
    }

    @Test
    void today_lists_the_children_under_the_organisation_now_merged_and_dissolved_ones_included() {
        YearMonth now = null;
        List<ChildrenThen.Share> rows = children("TINH", "2026-01", "2026-12", now);

        assertThat(members(rows, 0)).containsExactly(Map.entry("HUYEN1", 0L), Map.entry("HUYEN2", 0L),
                Map.entry("XA1", 4L), Map.entry("XA2", 0L), Map.entry("XA3", 1L));
        assertThat(harness.count("TINH", MEMBERS)).isEqualTo(5);
    }
}
