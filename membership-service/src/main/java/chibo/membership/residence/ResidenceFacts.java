package chibo.membership.residence;

import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;

/**
 * The facts of a change of residence.
 *
 * @param currentUnitId where the member lives now (null: in no registered unit)
 * @param newUnitId     where the member moved (null: out of every registered unit)
 */
public record ResidenceFacts(String currentUnitId, String newUnitId, LocalDate effectiveDate, OrgLevel decidingLevel,
                             boolean decidedInLine, LocalDate today) implements DecisionFacts {
}
