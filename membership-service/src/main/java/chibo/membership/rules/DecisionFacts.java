package chibo.membership.rules;

import chibo.contracts.organization.OrgLevel;

import java.time.LocalDate;

/** What every decision on a member has: its date, who took it and what "today" is. */
public interface DecisionFacts {

    /** The decision's date: the event's effective date. */
    LocalDate effectiveDate();

    /** The level of the deciding committee. */
    OrgLevel decidingLevel();

    /** Whether the deciding committee is the member's cell or one of its ancestors. */
    boolean decidedInLine();

    LocalDate today();
}
