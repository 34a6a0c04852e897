package chibo.dashboard.pages;

import chibo.dashboard.figures.UncoveredUnits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The units without a cell or a resident member, grouped by kind for the organisation page (in the order reporting
 * lists them: villages first), each kind under the key its label has in the messages ({@code unit.village}).
 */
public record UnitGaps(String kind, List<UncoveredUnits.Unit> units) {

    /** A kind's list is shown open up to this many units, folded beyond. */
    static final int SHOWN_OPEN = 10;

    public static List<UnitGaps> of(UncoveredUnits uncovered) {
        Map<String, List<UncoveredUnits.Unit>> byKind = new LinkedHashMap<>();
        for (UncoveredUnits.Unit unit : uncovered.units()) {
            String kind = unit.kind() == null ? "unknown" : unit.kind().toLowerCase(Locale.ROOT);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(unit);
        }
        List<UnitGaps> gaps = new ArrayList<>();
        byKind.forEach((kind, units) -> gaps.add(new UnitGaps(kind, List.copyOf(units))));
        return gaps;
    }

    public boolean open() {
        return units.size() <= SHOWN_OPEN;
    }

    public long withoutCell() {
        return units.stream().filter(UncoveredUnits.Unit::withoutCell).count();
    }

    public long withoutMember() {
        return units.stream().filter(UncoveredUnits.Unit::withoutMember).count();
    }
}
