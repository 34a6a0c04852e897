package chibo.reporting.query;

import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subtree behind the uncovered units is the one the figures count now: the 2025 reform's moved communes under the
 * province, a merged commune's villages with its successor.
 */
class SubtreeNowTest {

    /** Stored figures as a map; ids in the order given, as a query might return them. */
    private static final class Stored implements SubtreeNow.StoredOrgs {
        private final Map<String, SubtreeNow.Org> orgs = new LinkedHashMap<>();

        Stored org(String id, String parentId, String mergedInto, String... children) {
            orgs.put(id, new SubtreeNow.Org(id, "name of " + id, parentId, mergedInto, List.of(children)));
            return this;
        }

        @Override
        public List<SubtreeNow.Org> byIds(Collection<String> ids) {
            return orgs.values().stream().filter(org -> ids.contains(org.id())).toList();
        }

        @Override
        public List<SubtreeNow.Org> merged() {
            return orgs.values().stream().filter(org -> org.mergedInto() != null).toList();
        }
    }

    /** A province; a dissolved district (listed first) whose commune moved under the province; X05 merged into X04. */
    private static Stored reformedProvince() {
        return new Stored()
                .org("P", null, null, "H01", "X01", "X04", "X05")
                .org("H01", "P", null, "X01")
                .org("X01", "P", null, "X01-C01")
                .org("X01-C01", "X01", null)
                .org("X04", "P", null, "X04-C01")
                .org("X04-C01", "X04", null)
                .org("X05", "P", "X04", "X05-C01")
                .org("X05-C01", "X05", null);
    }

    private static Map<String, String> subtree(Stored stored, String orgId) {
        return SubtreeNow.of(orgId, stored).orElseThrow();
    }

    @Test
    void a_commune_moved_from_a_dissolved_district_stands_under_the_province_whichever_lists_it_first() {
        Stored stored = reformedProvince();

        assertThat(subtree(stored, "P")).containsKeys("H01", "X01", "X01-C01");
        assertThat(subtree(stored, "H01")).containsOnlyKeys("H01");
    }

    @Test
    void a_merged_commune_and_its_cells_stand_in_its_successors_subtree_and_nothing_stands_in_its_own() {
        Stored stored = reformedProvince();

        assertThat(subtree(stored, "X04")).containsOnlyKeys("X04", "X04-C01", "X05", "X05-C01");
        assertThat(subtree(stored, "X05")).isEmpty();
        assertThat(subtree(stored, "P")).containsOnlyKeys("P", "H01", "X01", "X01-C01", "X04", "X04-C01", "X05",
                "X05-C01");
    }

    @Test
    void a_merger_into_a_merged_organisation_follows_it_to_the_last_successor() {
        Stored stored = reformedProvince().org("X06", "P", "X05", "X06-C01").org("X06-C01", "X06", null);

        assertThat(subtree(stored, "X04")).containsOnlyKeys("X04", "X04-C01", "X05", "X05-C01", "X06", "X06-C01");
    }

    @Test
    void an_organisation_not_stored_has_no_subtree() {
        assertThat(SubtreeNow.of("NO-SUCH-ORG", reformedProvince())).isEmpty();
    }

    @Test
    void names_come_with_the_ids() {
        assertThat(subtree(reformedProvince(), "X01")).containsExactly(Map.entry("X01", "name of X01"),
                Map.entry("X01-C01", "name of X01-C01"));
    }
}
