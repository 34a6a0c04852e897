package chibo.membership.probation;

import chibo.calendar.WorkingDayCalendar;
import chibo.membership.rules.Regulations;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a recognition came late. The cell considers it within 30 working days after probation ends, the committee
 * decides within 30 working days of the cell's resolution (QĐ 24-QĐ/TW and QĐ 294-QĐ/TW, point 4.2.2). A late
 * recognition is not refused: official membership still counts from the end of probation. It is flagged with the
 * first deadline it missed, so that reports can show how many recognitions were late.
 */
public final class RecognitionDeadlines {

    private final Regulations regulations;
    private final WorkingDayCalendar calendar;

    public RecognitionDeadlines(Regulations regulations, WorkingDayCalendar calendar) {
        this.regulations = regulations;
        this.calendar = calendar;
    }

    /**
     * The first deadline missed, if any: the cell's when its resolution came after it, else the committee's when the
     * decision did. Dates the calendar does not cover are not judged (the rules refuse them first).
     */
    public Optional<LocalDate> missed(LocalDate probationEndsOn, LocalDate cellResolutionDate, LocalDate decisionDate) {
        if (probationEndsOn == null || cellResolutionDate == null || decisionDate == null
                || !calendar.covers(probationEndsOn) || !calendar.covers(cellResolutionDate)
                || !calendar.covers(decisionDate)) {
            return Optional.empty();
        }
        int cellDays = regulations.recognitionCellWorkingDays();
        if (!calendar.isWithinWorkingDays(probationEndsOn, cellDays, cellResolutionDate)) {
            return Optional.of(calendar.deadline(probationEndsOn, cellDays));
        }
        int committeeDays = regulations.recognitionDecisionWorkingDays();
        if (!calendar.isWithinWorkingDays(cellResolutionDate, committeeDays, decisionDate)) {
            return Optional.of(calendar.deadline(cellResolutionDate, committeeDays));
        }
        return Optional.empty();
    }
}
