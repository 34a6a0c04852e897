package chibo.meeting.meetings;

import chibo.contracts.VietnamTime;
import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingKind;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.roster.CellRoster;
import chibo.meeting.roster.Rosters;
import chibo.platform.access.AccessLogged;
import chibo.platform.access.PersonsRead;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/cells/{cellId}")
class MeetingController {

    private static final String READERS = "hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER
            + "', '" + Roles.AUDITOR + "')";

    private final MeetingRecording recording;
    private final Rosters rosters;
    private final SubtreeGuard guard;
    private final Clock clock;

    MeetingController(MeetingRecording recording, Rosters rosters, SubtreeGuard guard, Clock clock) {
        this.recording = recording;
        this.rosters = rosters;
        this.guard = guard;
        this.clock = clock;
    }

    /** Records a meeting held: checked against the roster of its date, graded, published. */
    @PostMapping("/meetings")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    ResponseEntity<MeetingView> record(@PathVariable String cellId,
                                       @Valid @RequestBody RecordMeetingRequest request) {
        MeetingView recorded = recording.record(Caller.current(), cellId, request);
        return ResponseEntity.created(URI.create("/cells/" + cellId + "/meetings/" + recorded.meetingId()))
                .body(recorded);
    }

    /** The cell's meetings in a year (this year by default), oldest first, with their grades. */
    @GetMapping("/meetings")
    @PreAuthorize(READERS)
    List<MeetingSummary> meetings(@PathVariable String cellId, @RequestParam(required = false) Integer year) {
        int wanted = year != null ? year : VietnamTime.today(clock).getYear();
        return recording.list(Caller.current(), cellId, wanted).stream().map(MeetingSummary::of).toList();
    }

    /** A meeting with who attended: in the access log with the members it names. */
    @GetMapping("/meetings/{meetingId}")
    @PreAuthorize(READERS)
    @AccessLogged(subject = "cellId")
    MeetingView meeting(@PathVariable String cellId, @PathVariable String meetingId) {
        MeetingView meeting = recording.find(Caller.current(), cellId, meetingId);
        PersonsRead.named(meeting.attendance().stream().map(Attendance::memberId).toList());
        return meeting;
    }

    /** A committee above the cell replaces the computed grade, giving its reason; both stay on record. */
    @PostMapping("/meetings/{meetingId}/grade-override")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    MeetingView overrideGrade(@PathVariable String cellId, @PathVariable String meetingId,
                              @Valid @RequestBody GradeOverrideRequest request) {
        return recording.override(Caller.current(), cellId, meetingId, request);
    }

    /** The cell's roster on a day (today by default): who must attend and who may. Named, so in the access log. */
    @GetMapping("/roster")
    @PreAuthorize(READERS)
    @AccessLogged(subject = "cellId")
    Roster roster(@PathVariable String cellId, @RequestParam(required = false) LocalDate asOf) {
        guard.requireReadable(Caller.current(), cellId, "cellId");
        LocalDate day = asOf != null ? asOf : VietnamTime.today(clock);
        List<CellRoster.Line> lines = rosters.asOf(cellId, day);
        PersonsRead.named(lines.stream().map(CellRoster.Line::memberId).toList());
        return new Roster(cellId, day, lines.stream().map(CellRoster.Line::memberId).toList(), lines);
    }

    /**
     * @param members every member on the roster that day, by id
     * @param lines   each with whether they must attend and why
     */
    record Roster(String cellId, LocalDate asOf, List<String> members, List<CellRoster.Line> lines) {
    }

    record MeetingSummary(String meetingId, MeetingKind kind, LocalDate date, Boolean qualityMet, MeetingGrade grade,
                          Integer points, boolean overridden) {

        static MeetingSummary of(CellMeetings.Held held) {
            var graded = held.graded();
            return new MeetingSummary(held.meetingId(), held.kind(), held.date(),
                    graded == null ? null : graded.qualityMet(), graded == null ? null : graded.grade(),
                    graded == null ? null : graded.points(), graded != null && graded.overridden());
        }
    }
}
