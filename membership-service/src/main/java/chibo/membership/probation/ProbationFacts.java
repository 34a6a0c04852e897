package chibo.membership.probation;

import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;

/**
 * The facts of a step of probation: the ceremony, the recognition as an official member or the failure of
 * probation.
 *
 * @param effectiveDate      the ceremony's date, or the committee's decision's date
 * @param admittedOn         the admission decision's date
 * @param decisionReceivedOn when the cell received the admission decision (the ceremony's deadline runs from it)
 * @param swornInOn          the ceremony's date once held, else null
 * @param cellResolutionDate the cell's resolution on recognition or failure, else null
 */
public record ProbationFacts(LocalDate effectiveDate, LocalDate admittedOn, LocalDate decisionReceivedOn,
                             LocalDate swornInOn, LocalDate cellResolutionDate, OrgLevel decidingLevel,
                             boolean decidedInLine, LocalDate today) implements DecisionFacts {
}
