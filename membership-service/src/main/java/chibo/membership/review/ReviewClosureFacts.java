package chibo.membership.review;

import chibo.contracts.member.ReviewKind;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;

/** The facts of closing a review with the member kept: which review, since when it was open, who decided when. */
public record ReviewClosureFacts(ReviewKind kind, LocalDate openedOn, LocalDate effectiveDate,
                                 OrgLevel decidingLevel, boolean decidedInLine, LocalDate today)
        implements DecisionFacts {
}
