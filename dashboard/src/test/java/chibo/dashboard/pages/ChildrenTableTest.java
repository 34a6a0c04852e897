package chibo.dashboard.pages;

import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChildrenTableTest {

    static Comparison.Row row(String id, String name, long members, long women, long admitted) {
        return new Comparison.Row(id, name, "COMMUNE", true, null,
                new Summary.Members(members, 1, members - 1, 0, women, 2), Map.of("admitted", admitted));
    }

    private static final List<Comparison.Row> ROWS = List.of(
            row("TQ-PT", "Đảng bộ xã Phúc Ứng", 18, 9, 4),
            row("TQ-MQ", "Đảng bộ xã Minh Quang", 20, 7, 6),
            row("TQ-AN", "Đảng bộ xã An Tường", 12, 8, 1));

    private static List<String> ids(List<Comparison.Row> rows) {
        return rows.stream().map(Comparison.Row::orgId).toList();
    }

    @Test
    void sorts_names_in_vietnamese_alphabetical_order() {
        assertThat(ids(ChildrenTable.sorted(ROWS, "name", false))).containsExactly("TQ-AN", "TQ-MQ", "TQ-PT");
        assertThat(ids(ChildrenTable.sorted(List.of(row("a", "Đảng bộ xã Đồng Văn", 1, 0, 0),
                row("b", "Đảng bộ xã Dương Quang", 1, 0, 0)), "name", false)))
                .as("D comes before Đ in Vietnamese").containsExactly("b", "a");
    }

    @Test
    void sorts_by_a_figure_either_way() {
        assertThat(ids(ChildrenTable.sorted(ROWS, "members", true))).containsExactly("TQ-MQ", "TQ-PT", "TQ-AN");
        assertThat(ids(ChildrenTable.sorted(ROWS, "women", false))).containsExactly("TQ-MQ", "TQ-AN", "TQ-PT");
        assertThat(ids(ChildrenTable.sorted(ROWS, "admitted", true))).containsExactly("TQ-MQ", "TQ-PT", "TQ-AN");
    }

    @Test
    void no_column_or_an_unknown_one_sorts_by_name() {
        assertThat(ChildrenTable.column(null)).isEqualTo("name");
        assertThat(ChildrenTable.column("password")).isEqualTo("name");
        assertThat(ChildrenTable.column("official")).isEqualTo("official");
    }
}
