package chibo.meeting.rating;

import chibo.contracts.member.RatingLevel;

import java.time.LocalDate;

/**
 * What a cell's annual rating is checked on.
 *
 * @param decidedAbove      the deciding organisation is above the cell in the tree (the committee that rates it)
 * @param standingBreaches  compliance breaches of the year no meeting has retracted
 * @param meetingsInYear    meetings held in the year; {@code qualityMetInYear} of them "đạt chất lượng"
 */
public record CellRatingFacts(int year, RatingLevel level, int points, boolean fourGoodTitle, boolean alreadyRated,
                              LocalDate decisionDate, LocalDate today, boolean decidedAbove,
                              int standingBreaches, int meetingsInYear, int qualityMetInYear) {
}
