package chibo.dashboard.pages;

import chibo.dashboard.figures.Comparison;

import java.util.List;
import java.util.function.Function;

/**
 * The children table as CSV, in the reader's language: UTF-8 with a byte-order mark (so that spreadsheet programs
 * read the diacritics), figures without grouping, the organisation's own total last.
 */
final class ChildrenCsv {

    private ChildrenCsv() {
    }

    /** @param label a column's heading in the reader's language, by column name ({@code id}, then the table's) */
    static String of(Comparison comparison, List<Comparison.Row> rows, Function<String, String> label) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(field(label.apply("id")));
        ChildrenTable.COLUMNS.forEach(column -> csv.append(',').append(field(label.apply(column))));
        csv.append("\r\n");
        rows.forEach(row -> line(csv, row, row.name()));
        line(csv, comparison.total(), label.apply("total") + ": " + comparison.total().name());
        return csv.toString();
    }

    private static void line(StringBuilder csv, Comparison.Row row, String name) {
        csv.append(field(row.orgId())).append(',').append(field(name));
        ChildrenTable.COLUMNS.stream().skip(1)
                .forEach(column -> csv.append(',').append(ChildrenTable.value(row, column)));
        csv.append("\r\n");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so that a spreadsheet never runs a name as a formula. */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
