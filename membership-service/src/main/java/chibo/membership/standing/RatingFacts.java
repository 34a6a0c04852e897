package chibo.membership.standing;

import chibo.contracts.member.RatingLevel;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;

/**
 * @param disciplinedInYear the member was disciplined in the rated year and did not self-report and remedy it
 * @param alreadyRated      a rating for that year is already recorded
 */
public record RatingFacts(int year, RatingLevel level, int points, boolean disciplinedInYear, boolean alreadyRated,
                          LocalDate admittedOn, LocalDate effectiveDate, OrgLevel decidingLevel,
                          boolean decidedInLine, LocalDate today) implements DecisionFacts {
}
