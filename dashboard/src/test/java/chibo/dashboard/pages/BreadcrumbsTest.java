package chibo.dashboard.pages;

import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.OrgHeadline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BreadcrumbsTest {

    private static final Map<String, OrgHeadline> TREE = Map.of(
            "TW", new OrgHeadline("TW", "Trung ương", "CENTRAL", null),
            "TQ", new OrgHeadline("TQ", "Tỉnh ủy Tuyên Quang", "PROVINCE", "TW"),
            "TQ-MQ", new OrgHeadline("TQ-MQ", "Đảng bộ xã Minh Quang", "COMMUNE", "TQ"),
            "TQ-MQ-NT", new OrgHeadline("TQ-MQ-NT", "Chi bộ thôn Nà Tông", "CELL", "TQ-MQ"));

    private static List<String> trail(String shown, String readerOrg) {
        return Breadcrumbs.above(TREE.get(shown), readerOrg, TREE::get).stream().map(OrgHeadline::orgId).toList();
    }

    @Test
    void leads_from_the_readers_own_organisation_down_to_the_one_shown() {
        assertThat(trail("TQ-MQ-NT", "TQ")).containsExactly("TQ", "TQ-MQ");
    }

    @Test
    void a_reader_bound_to_no_subtree_sees_the_way_from_the_top() {
        assertThat(trail("TQ-MQ-NT", null)).containsExactly("TW", "TQ", "TQ-MQ");
    }

    @Test
    void the_readers_own_organisation_has_no_trail() {
        assertThat(trail("TQ", "TQ")).isEmpty();
    }

    @Test
    void stops_below_an_organisation_the_reader_may_not_read() {
        List<OrgHeadline> trail = Breadcrumbs.above(TREE.get("TQ-MQ-NT"), "elsewhere", id -> {
            if (id.equals("TQ")) {
                throw new FiguresRefused(403, id, "outside");
            }
            return TREE.get(id);
        });

        assertThat(trail).extracting(OrgHeadline::orgId).containsExactly("TQ-MQ");
    }
}
