package chibo.meeting.rating;

import chibo.meeting.cell.CellMeetings;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A cell's annual rating and the "Chi bộ 4 tốt" title, decided by the committee above it. */
@RestController
class CellRatings {

    private final CellRatingRecording recording;

    CellRatings(CellRatingRecording recording) {
        this.recording = recording;
    }

    @PostMapping("/cells/{cellId}/ratings")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    @ResponseStatus(HttpStatus.CREATED)
    CellMeetings.Rating rate(@PathVariable String cellId, @Valid @RequestBody CellRatingRequest request) {
        return recording.rate(Caller.current(), cellId, request);
    }

    @GetMapping("/cells/{cellId}/ratings")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    List<CellMeetings.Rating> ratings(@PathVariable String cellId) {
        return recording.ratings(Caller.current(), cellId);
    }
}
