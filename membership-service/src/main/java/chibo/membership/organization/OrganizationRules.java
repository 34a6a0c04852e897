package chibo.membership.organization;

import chibo.contracts.organization.OrgLevel;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which level may sit under which, as the tree is shaped on a given date. */
final class OrganizationRules {

    /** QĐ 294-QĐ/TW: from 01/07/2025 the district level is gone. */
    static final LocalDate DISTRICT_LEVEL_ABOLISHED = LocalDate.of(2025, 7, 1);

    private static final Map<OrgLevel, Set<OrgLevel>> ALLOWED_PARENTS = Map.of(
            OrgLevel.CENTRAL, EnumSet.noneOf(OrgLevel.class),
            OrgLevel.PROVINCE, EnumSet.of(OrgLevel.CENTRAL),
            OrgLevel.DISTRICT, EnumSet.of(OrgLevel.PROVINCE),
            OrgLevel.COMMUNE, EnumSet.of(OrgLevel.PROVINCE, OrgLevel.DISTRICT),
            OrgLevel.GRASSROOTS, EnumSet.of(OrgLevel.PROVINCE, OrgLevel.DISTRICT, OrgLevel.COMMUNE),
            OrgLevel.GRASSROOTS_CELL, EnumSet.of(OrgLevel.PROVINCE, OrgLevel.DISTRICT, OrgLevel.COMMUNE),
            // village cells answer directly to the commune (or ward) party committee, other cells to their
            // grassroots committee
            OrgLevel.CELL, EnumSet.of(OrgLevel.GRASSROOTS, OrgLevel.COMMUNE));

    private OrganizationRules() {
    }

    static boolean mayHaveParent(OrgLevel child, OrgLevel parent) {
        return ALLOWED_PARENTS.get(child).contains(parent);
    }

    static Set<OrgLevel> allowedParents(OrgLevel child) {
        return ALLOWED_PARENTS.get(child);
    }

    static boolean levelExistsOn(OrgLevel level, LocalDate date) {
        return level != OrgLevel.DISTRICT || date.isBefore(DISTRICT_LEVEL_ABOLISHED);
    }
}
