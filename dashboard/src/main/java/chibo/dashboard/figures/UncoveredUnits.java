package chibo.dashboard.figures;

import java.util.List;

/**
 * The units registered in an organisation's subtree that no cell covers or where no active party member resides, as
 * reporting-service lists them ({@code /organizations/{id}/uncovered-units}): by kind, villages first, then name.
 */
public record UncoveredUnits(String orgId, List<Unit> units) {

    public UncoveredUnits {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /**
     * One unit; {@code name} absent when reporting's figures predate names (then its id stands for it),
     * {@code ownerId}/{@code ownerName}: the organisation that registered it, usually a commune.
     */
    public record Unit(String unitId, String name, String kind, String ownerId, String ownerName,
                       boolean withoutCell, boolean withoutMember) {

        /** What the page calls it: its name, or its id when reporting has no name for it. */
        public String shownName() {
            return name == null || name.isBlank() ? unitId : name;
        }
    }
}
