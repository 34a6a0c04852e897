package chibo.meeting.compliance;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.VietnamTime;
import chibo.meeting.cell.CellMeetings;
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
import java.util.List;

/** A cell's meeting duty in a year, month by month and quarter by quarter, as {@link MeetingDuty} reads it. */
@RestController
class ComplianceController {

    record Duty(String cellId, int year, LocalDate asOf, List<MeetingDuty.Period> months,
                List<MeetingDuty.Period> quarters) {
    }

    private final AggregateStore<CellMeetings> cells;
    private final Rosters rosters;
    private final SubtreeGuard guard;
    private final WorkingDayCalendar calendar;
    private final MeetingDuty duty;
    private final ComplianceCheck check;
    private final Clock clock;

    ComplianceController(AggregateStore<CellMeetings> cells, Rosters rosters, SubtreeGuard guard,
                         WorkingDayCalendar calendar, ComplianceWindows windows, ComplianceCheck check, Clock clock) {
        this.cells = cells;
        this.rosters = rosters;
        this.guard = guard;
        this.calendar = calendar;
        this.duty = new MeetingDuty(windows);
        this.check = check;
        this.clock = clock;
    }

    @GetMapping("/cells/{cellId}/compliance")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    Duty compliance(@PathVariable String cellId, @RequestParam(required = false) Integer year) {
        guard.requireReadable(Caller.current(), cellId, "cellId");
        LocalDate today = VietnamTime.today(clock);
        int wanted = year != null ? year : today.getYear();
        if (!calendar.covers(wanted)) {
            // a year the working-day calendar does not cover has no periods that close
            throw Problems.invalid("year", "within-calendar", "the year " + wanted + " is outside "
                    + calendar.firstYear() + "–" + calendar.lastYear() + ", the years chibo's working-day calendar"
                    + " covers");
        }
        var current = cells.load(cellId);
        CellMeetings state = current.exists() ? current.state() : CellMeetings.empty(cellId);
        var roster = rosters.roster(cellId);
        return new Duty(cellId, wanted, today, duty.months(wanted, today, state, roster),
                duty.quarters(wanted, today, state, roster));
    }

    /**
     * Runs the meeting-duty check now over the caller's subtree, as the nightly schedule does everywhere: for an
     * operator after a migration of meeting records. Safe to repeat.
     */
    @PostMapping("/compliance/checks")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    ComplianceCheck.Report checkNow() {
        Caller caller = Caller.current();
        return check.run(VietnamTime.today(clock), cellId -> guard.isWithin(caller, cellId), cellId -> {
        });
    }
}
