package chibo.reporting.figures;

import chibo.contracts.organization.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit's coverage as facts about it arrive in any order: what each fact sends to its owner, month by month. */
class UnitCoverageTest {

    private static final String WITHOUT_MEMBER = "units.village.without_member";

    @Test
    void registration_sends_the_unit_and_without_a_member_in_its_month() {
        UnitCoverage.Change registered = UnitCoverage.NONE.apply(registered("2020-01"));

        assertThat(sent(registered)).isEqualTo(Map.of("2020-01", Map.of("units.village", 1L,
                "units.village.without_cell", 1L, WITHOUT_MEMBER, 1L)));
    }

    @Test
    void a_resident_entered_after_a_later_one_moves_the_cover_to_their_own_month() {
        UnitCoverage unit = UnitCoverage.NONE.apply(registered("2020-01")).after();
        UnitCoverage.Change later = unit.apply(residents(+1, "2025-08"));
        assertThat(sent(later)).isEqualTo(Map.of("2025-08", Map.of(WITHOUT_MEMBER, -1L)));

        UnitCoverage.Change earlier = later.after().apply(residents(+1, "2024-03"));

        assertThat(sent(earlier)).isEqualTo(Map.of("2024-03", Map.of(WITHOUT_MEMBER, -1L),
                "2025-08", Map.of(WITHOUT_MEMBER, 1L)));
        assertThat(earlier.after().residents()).isEqualTo(2);
        assertThat(earlier.after().withoutMember()).isFalse();
    }

    @Test
    void residents_before_the_registration_count_from_it_and_never_below_zero() {
        UnitCoverage unit = UnitCoverage.NONE.apply(registered("2021-01")).after();

        UnitCoverage.Change before = unit.apply(residents(+1, "2019-06"));
        assertThat(sent(before)).as("covered from the registration, not from 2019")
                .isEqualTo(Map.of("2021-01", Map.of(WITHOUT_MEMBER, -1L)));

        UnitCoverage.Change left = before.after().apply(residents(-1, "2022-05"));
        assertThat(sent(left)).isEqualTo(Map.of("2022-05", Map.of(WITHOUT_MEMBER, 1L)));
    }

    @Test
    void a_fact_that_changes_no_month_sends_nothing() {
        UnitCoverage unit = UnitCoverage.NONE.apply(registered("2020-01")).after()
                .apply(residents(+1, "2020-03")).after();

        assertThat(unit.apply(residents(+1, "2023-01")).sent()).isEmpty();
    }

    @Test
    void a_unit_kept_before_its_residents_had_months_counts_them_from_its_registration() {
        UnitCoverage kept = new UnitCoverage("XA1", UnitKind.VILLAGE, "C1", 1, Map.of(), "Thôn 1", null, null);

        assertThat(kept.residentsByMonth()).isEqualTo(Map.of("", 1L));
        UnitCoverage.Change left = kept.apply(residents(-1, "2024-02"));
        assertThat(sent(left)).isEqualTo(Map.of("2024-02", Map.of(WITHOUT_MEMBER, 1L)));
    }

    /** What the change sends to the owner, summed by month. */
    private static Map<String, Map<String, Long>> sent(UnitCoverage.Change change) {
        Map<String, Map<String, Long>> byMonth = new TreeMap<>();
        for (OrgRollup.Sent sent : change.sent()) {
            assertThat(sent.orgId()).isEqualTo("XA1");
            sent.delta().counters().forEach((name, value) -> byMonth.computeIfAbsent(sent.delta().month(),
                    m -> new TreeMap<>()).merge(name, value, Long::sum));
        }
        return byMonth;
    }

    private static UnitFact registered(String month) {
        return new UnitFact("thon-1", UnitFact.Change.REGISTERED, "XA1", UnitKind.VILLAGE, null, null, false, 0,
                month, "cause", Instant.parse("2026-01-01T00:00:00Z"), "Thôn 1");
    }

    private static UnitFact residents(int change, String month) {
        return UnitFact.residents("thon-1", change, month, "cause", Instant.parse("2026-01-01T00:00:00Z"));
    }
}
