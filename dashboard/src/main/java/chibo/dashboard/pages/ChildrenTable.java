package chibo.dashboard.pages;

import chibo.dashboard.figures.Comparison;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The children side by side, sorted by the column the reader picked (names in Vietnamese alphabetical order). */
final class ChildrenTable {

    /** The columns a reader can sort by, in the order the table shows them. */
    static final List<String> COLUMNS = List.of("name", "members", "probationary", "official", "women",
            "ethnicMinority", "admitted");

    private static final Map<String, ToLongFunction<Comparison.Row>> FIGURES = Map.of(
            "members", row -> row.members().total(),
            "probationary", row -> row.members().probationary(),
            "official", row -> row.members().official(),
            "women", row -> row.members().women(),
            "ethnicMinority", row -> row.members().ethnicMinority(),
            "admitted", row -> row.flow("admitted"));

    private ChildrenTable() {
    }

    /** @param column one of {@link #COLUMNS}; anything else sorts by name */
    static List<Comparison.Row> sorted(List<Comparison.Row> rows, String column, boolean descending) {
        Comparator<Comparison.Row> order = FIGURES.containsKey(column)
                ? Comparator.comparingLong(FIGURES.get(column)) : byName();
        if (descending) {
            order = order.reversed();
        }
        return rows.stream().sorted(order.thenComparing(byName())).toList();
    }

    static String column(String asked) {
        return asked != null && COLUMNS.contains(asked) ? asked : "name";
    }

    static long value(Comparison.Row row, String column) {
        return FIGURES.get(column).applyAsLong(row);
    }

    private static Comparator<Comparison.Row> byName() {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        return Comparator.comparing(row -> row.name() == null ? row.orgId() : row.name(), vietnamese);
    }
}
