package chibo.dashboard.pages;

import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static chibo.dashboard.pages.ChildrenTableTest.row;
import static org.assertj.core.api.Assertions.assertThat;

class ChildrenCsvTest {

    @Test
    void writes_a_row_per_child_and_the_total_with_headings_in_the_readers_language() {
        Comparison comparison = new Comparison("TQ", "now", new Summary.Period("2026-01", "2026-12"),
                row("TQ", "Tỉnh ủy Tuyên Quang", 1250, 600, 30), List.of());
        List<Comparison.Row> rows = List.of(row("TQ-MQ", "Đảng bộ xã Minh Quang", 1234, 7, 6));

        String csv = ChildrenCsv.of(comparison, rows, column -> "[" + column + "]");

        assertThat(csv).startsWith("\uFEFF[id],[name],[members],[probationary],[official],[women],"
                + "[ethnicMinority],[admitted]\r\n");
        assertThat(csv.lines().toList()).containsSubsequence(
                "\uFEFF[id],[name],[members],[probationary],[official],[women],[ethnicMinority],[admitted]",
                "TQ-MQ,Đảng bộ xã Minh Quang,1234,1,1233,7,2,6",
                "TQ,[total]: Tỉnh ủy Tuyên Quang,1250,1,1249,600,2,30");
    }

    @Test
    void quotes_commas_and_quotes_and_never_lets_a_name_run_as_a_formula() {
        assertThat(ChildrenCsv.field("Chi bộ 1, thôn \"Nà\"")).isEqualTo("\"Chi bộ 1, thôn \"\"Nà\"\"\"");
        assertThat(ChildrenCsv.field("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(ChildrenCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ChildrenCsv.field(null)).isEmpty();
    }
}
