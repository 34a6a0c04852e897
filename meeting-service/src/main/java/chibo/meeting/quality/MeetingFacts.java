package chibo.meeting.quality;

import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;

import java.time.LocalDate;

/**
 * What a meeting's quality is judged on, taken from the meeting as recorded and the cell's roster on its date.
 *
 * @param expected          members who had to attend (the roster's EXPECTED members)
 * @param presentOfExpected how many of them were present
 * @param unexcused         absences without a reason accepted by the cell
 * @param resolutions       conclusions recorded; {@code resolutionsWithOwner} of them name who carries them out
 */
public record MeetingFacts(MeetingKind kind, LocalDate date, long minutes, int expected, int presentOfExpected,
                           int unexcused, Preparation preparation, boolean minutesComplete, int resolutions,
                           int resolutionsWithOwner) {

    /** The share of expected members present, 0–1; a meeting nobody had to attend counts as full. */
    public double attendanceRate() {
        return expected == 0 ? 1.0 : (double) presentOfExpected / expected;
    }

    public boolean prepared() {
        return preparation.contentBySecretary() && preparation.committeeMetBeforehand()
                && preparation.draftResolution();
    }
}
