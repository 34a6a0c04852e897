package chibo.meeting.meetings;

import chibo.contracts.meeting.MeetingHeld;
import chibo.meeting.roster.Rosters;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/cells/{cellId}")
class MeetingController {

    private final MeetingRecording recording;
    private final Rosters rosters;
    private final SubtreeGuard guard;

    MeetingController(MeetingRecording recording, Rosters rosters, SubtreeGuard guard) {
        this.recording = recording;
        this.rosters = rosters;
        this.guard = guard;
    }

    @PostMapping("/meetings")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    ResponseEntity<MeetingHeld> record(@PathVariable String cellId, @Valid @RequestBody RecordMeetingRequest request) {
        MeetingHeld held = recording.record(Caller.current(), cellId, request);
        return ResponseEntity.created(URI.create("/cells/" + cellId + "/meetings/" + held.meetingId())).body(held);
    }

    /** The cell's active members today. */
    @GetMapping("/roster")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    Roster roster(@PathVariable String cellId) {
        guard.requireReadable(Caller.current(), cellId, "cellId");
        return new Roster(cellId, rosters.activeMembers(cellId).stream().sorted().toList());
    }

    record Roster(String cellId, List<String> members) {
    }
}
