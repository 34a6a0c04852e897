package chibo.meeting.compliance;

import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.cell.Quarter;
import chibo.meeting.roster.CellRoster;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The meeting duty of a cell (Party Charter art. 24; QĐ 294-QĐ/TW): a regular meeting every month, a thematic
 * meeting at least once a quarter. A combined meeting counts for both. A period in which nobody had to attend
 * (no member on the roster but the exempted) owes nothing. Each period's breach is found once: a period that
 * already has one, standing or retracted, is never found again.
 */
public final class Compliance {

    public static final String SOURCE = "Điều lệ Đảng, điều 24; QĐ 294-QĐ/TW (2025)";

    private Compliance() {
    }

    /** The breaches to report for the closed periods given. */
    public static List<CellMeetingBreachDetected> breaches(CellMeetings state, CellRoster roster,
                                                           List<YearMonth> closedMonths,
                                                           List<Quarter> closedQuarters) {
        List<CellMeetingBreachDetected> found = new ArrayList<>();
        for (YearMonth month : closedMonths) {
            String period = month.toString();
            if (roster.anyoneExpectedBetween(month.atDay(1), month.plusMonths(1).atDay(1))
                    && !state.regularHeldIn(month) && state.breach(BreachKind.NO_REGULAR_MEETING, period).isEmpty()) {
                found.add(new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, period));
            }
        }
        for (Quarter quarter : closedQuarters) {
            String period = quarter.toString();
            if (roster.anyoneExpectedBetween(quarter.firstDay(), quarter.lastDay().plusDays(1))
                    && !state.thematicHeldIn(quarter)
                    && state.breach(BreachKind.NO_THEMATIC_MEETING, period).isEmpty()) {
                found.add(new CellMeetingBreachDetected(BreachKind.NO_THEMATIC_MEETING, period));
            }
        }
        return found;
    }

    /** The standing breaches a meeting recorded late shows did not happen. */
    public static List<CellMeetingBreachRetracted> retractedBy(CellMeetings state, MeetingHeld held) {
        LocalDate date = held.startedAt().toLocalDate();
        List<CellMeetingBreachRetracted> retracted = new ArrayList<>();
        if (held.kind() == MeetingKind.REGULAR || held.kind() == MeetingKind.COMBINED) {
            String month = YearMonth.from(date).toString();
            state.breach(BreachKind.NO_REGULAR_MEETING, month).filter(CellMeetings.Breach::standing).ifPresent(b ->
                    retracted.add(new CellMeetingBreachRetracted(b.kind(), b.period(), held.meetingId())));
        }
        if (held.kind() == MeetingKind.THEMATIC || held.kind() == MeetingKind.COMBINED) {
            String quarter = Quarter.of(date).toString();
            state.breach(BreachKind.NO_THEMATIC_MEETING, quarter).filter(CellMeetings.Breach::standing).ifPresent(b ->
                    retracted.add(new CellMeetingBreachRetracted(b.kind(), b.period(), held.meetingId())));
        }
        return retracted;
    }

    /** The last day of a breach's period: its effective date. */
    public static LocalDate lastDayOf(CellMeetingBreachDetected breach) {
        return breach.kind() == BreachKind.NO_REGULAR_MEETING
                ? YearMonth.parse(breach.period()).atEndOfMonth()
                : new Quarter(Integer.parseInt(breach.period().substring(0, 4)),
                Integer.parseInt(breach.period().substring(6))).lastDay();
    }
}
