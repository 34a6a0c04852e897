package chibo.meeting.compliance;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.meeting.BreachKind;
import chibo.meeting.Vietnam;
import chibo.meeting.meetings.CellMeetings;
import chibo.meeting.quality.MeetingsProperties;
import chibo.meeting.roster.CellRoster;
import chibo.meeting.roster.Rosters;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A cell's meeting duty in a year, month by month and quarter by quarter. */
@RestController
class ComplianceController {

    /** Where a period stands. */
    enum Status {
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

    record Period(String period, Status status, boolean retractedBreach) {
    }

    record Duty(String cellId, int year, LocalDate asOf, List<Period> months, List<Period> quarters) {
    }

    private final AggregateStore<CellMeetings> cells;
    private final Rosters rosters;
    private final SubtreeGuard guard;
    private final ComplianceWindows windows;
    private final WorkingDayCalendar calendar;
    private final MeetingsProperties properties;
    private final ComplianceCheck check;
    private final Clock clock;

    ComplianceController(AggregateStore<CellMeetings> cells, Rosters rosters, SubtreeGuard guard,
                         WorkingDayCalendar calendar, MeetingsProperties properties, ComplianceCheck check,
                         Clock clock) {
        this.check = check;
        this.cells = cells;
        this.rosters = rosters;
        this.guard = guard;
        this.calendar = calendar;
        this.windows = new ComplianceWindows(calendar, properties.compliance().from(),
                properties.compliance().graceWorkingDays());
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/cells/{cellId}/compliance")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    Duty compliance(@PathVariable String cellId, @RequestParam(required = false) Integer year) {
        guard.requireReadable(Caller.current(), cellId, "cellId");
        LocalDate today = Vietnam.today(clock);
        int wanted = year != null ? year : today.getYear();
        if (!calendar.covers(wanted)) {
            // a year the working-day calendar does not cover has no periods that close
            throw Problems.invalid("year", "within-calendar", "the year " + wanted + " is outside "
                    + calendar.firstYear() + "–" + calendar.lastYear() + ", the years chibo's working-day calendar"
                    + " covers");
        }
        var current = cells.load(cellId);
        CellMeetings state = current.exists() ? current.state() : CellMeetings.empty(cellId);
        CellRoster roster = rosters.roster(cellId);
        List<Period> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(wanted, m);
            months.add(period(month.toString(), state.regularHeldIn(month),
                    state.breach(BreachKind.NO_REGULAR_MEETING, month.toString()),
                    required(roster, month, month.atDay(1), month.plusMonths(1).atDay(1)),
                    !today.isBefore(windows.checkableFrom(month.atEndOfMonth()))));
        }
        List<Period> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Quarter quarter = new Quarter(wanted, q);
            quarters.add(period(quarter.toString(), state.thematicHeldIn(quarter),
                    state.breach(BreachKind.NO_THEMATIC_MEETING, quarter.toString()),
                    required(roster, quarter.firstMonth().plusMonths(2), quarter.firstDay(),
                            quarter.lastDay().plusDays(1)),
                    !today.isBefore(windows.checkableFrom(quarter.lastDay()))));
        }
        return new Duty(cellId, wanted, today, months, quarters);
    }

    /**
     * Runs the meeting-duty check now over the caller's subtree, as the nightly schedule does everywhere: for an
     * operator after a migration of meeting records. Safe to repeat.
     */
    @PostMapping("/compliance/checks")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    ComplianceCheck.Report checkNow() {
        Caller caller = Caller.current();
        return check.run(Vietnam.today(clock), cellId -> guard.isWithin(caller, cellId), cellId -> {
        });
    }

    private boolean required(CellRoster roster, YearMonth lastMonth, LocalDate from, LocalDate until) {
        return !lastMonth.isBefore(properties.compliance().from()) && roster.anyoneExpectedBetween(from, until);
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
