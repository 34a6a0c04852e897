package chibo.contracts.meeting;

import chibo.contracts.member.RatingLevel;

/** The cell's annual rating (QĐ 366-QĐ/TW) and whether it earned the "Chi bộ 4 tốt" title. */
public record CellRated(int year, RatingLevel level, int points, boolean fourGoodTitle) implements MeetingEvent {
}
