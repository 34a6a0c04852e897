package chibo.meeting.compliance;

import chibo.contracts.meeting.BreachKind;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.cell.Quarter;
import chibo.meeting.roster.CellRoster;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each month and quarter of a cell's year stands on its meeting duty (Điều lệ Đảng, điều 24; QĐ 294-QĐ/TW),
 * read from the cell's record and roster on a given day: the answer the compliance check will give, or has given.
 */
public final class MeetingDuty {

    /** Where a period stands. */
    public enum Status {
        /** The meeting was held (possibly recorded late: {@code retractedBreach}). */
        HELD,
        /** No meeting, and the check has reported the breach. */
        BREACH,
        /** No meeting, the period closed, the check has not run over it yet. */
        UNCHECKED,
        /** Not closed yet: the meeting may still be held or recorded. */
        OPEN,
        /** Before the cell's duty began (no member had to attend, or before the checks start). */
        NOT_REQUIRED
    }

    public record Period(String period, Status status, boolean retractedBreach) {
    }

    private final ComplianceWindows windows;

    public MeetingDuty(ComplianceWindows windows) {
        this.windows = windows;
    }

    /** The twelve months of {@code year}: a regular meeting owed in each. */
    public List<Period> months(int year, LocalDate today, CellMeetings state, CellRoster roster) {
        List<Period> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            months.add(period(month.toString(), state.regularHeldIn(month),
                    state.breach(BreachKind.NO_REGULAR_MEETING, month.toString()),
                    required(roster, month, month.atDay(1), month.plusMonths(1).atDay(1)),
                    !today.isBefore(windows.checkableFrom(month.atEndOfMonth()))));
        }
        return months;
    }

    /** The four quarters of {@code year}: a thematic meeting owed in each. */
    public List<Period> quarters(int year, LocalDate today, CellMeetings state, CellRoster roster) {
        List<Period> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Quarter quarter = new Quarter(year, q);
            quarters.add(period(quarter.toString(), state.thematicHeldIn(quarter),
                    state.breach(BreachKind.NO_THEMATIC_MEETING, quarter.toString()),
                    required(roster, quarter.firstMonth().plusMonths(2), quarter.firstDay(),
                            quarter.lastDay().plusDays(1)),
                    !today.isBefore(windows.checkableFrom(quarter.lastDay()))));
        }
        return quarters;
    }

    private boolean required(CellRoster roster, YearMonth lastMonth, LocalDate from, LocalDate until) {
        return windows.checks(lastMonth) && roster.anyoneExpectedBetween(from, until);
    }

    private static Period period(String period, boolean held, Optional<CellMeetings.Breach> breach, boolean required,
                                 boolean closed) {
        boolean retracted = breach.filter(b -> !b.standing()).isPresent();
        if (held) {
            return new Period(period, Status.HELD, retracted);
        }
        if (breach.isPresent()) {
            return new Period(period, Status.BREACH, false);
        }
        if (!required) {
            return new Period(period, Status.NOT_REQUIRED, false);
        }
        return new Period(period, closed ? Status.UNCHECKED : Status.OPEN, false);
    }
}
