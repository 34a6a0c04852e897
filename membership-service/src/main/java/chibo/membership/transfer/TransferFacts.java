package chibo.membership.transfer;

import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;

/**
 * The facts of a transfer of party activity.
 *
 * @param circumstance       why the member moves activity: a transfer to the place of residence is for members
 *                           who retire or are out of work
 * @param destinationInTree  the receiving cell (when named) lies under the receiving organisation
 * @param destinationIsHome  the destination is the member's own cell
 * @param destinationIsCell  the receiving (or host, or residence) organisation holds members
 * @param until              the end of a temporary stay, else null
 */
public record TransferFacts(TransferKind kind, Circumstance circumstance, TemporaryReason temporaryReason,
                            boolean destinationInTree, boolean destinationIsHome, boolean destinationIsCell,
                            LocalDate effectiveDate, LocalDate until, OrgLevel decidingLevel, boolean decidedInLine,
                            LocalDate today) implements DecisionFacts {

    /** Why a member moves their official activity. */
    public enum Circumstance {
        NEW_JOB, MOVED_HOME, RETIRED, UNEMPLOYED, OTHER
    }
}
