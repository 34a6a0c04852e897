package chibo.meeting.meetings;

import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.organization.OrgLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A cell meeting as its secretary records it. Times are Vietnam local time. Every member the roster of the
 * meeting's date expects is listed; exempted members and members temporarily at another cell may be.
 *
 * @param meetingId         generated when absent
 * @param chairMemberId     who chaired: a member present
 * @param secretaryMemberId who kept the minutes: a member present
 */
public record RecordMeetingRequest(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String meetingId,
        @NotNull MeetingKind kind,
        @Size(max = 300) String topic,
        @NotNull LocalDateTime startedAt,
        @NotNull LocalDateTime endedAt,
        @Size(max = 200) String place,
        @NotBlank String chairMemberId,
        @NotBlank String secretaryMemberId,
        @NotNull @Size(max = 1000) List<@Valid @NotNull AttendanceRequest> attendance,
        @Size(max = 50) List<@Valid @NotNull GuestRequest> guests,
        @Valid PreparationRequest preparation,
        boolean minutesComplete,
        @Size(max = 100) List<@Valid @NotNull ResolutionRequest> resolutions) {

    public record AttendanceRequest(@NotBlank String memberId, @NotNull AttendanceStatus status,
                                    @Size(max = 300) String reason) {
    }

    /** A member of a higher-level committee attending: who, which organisation (when known), which level. */
    public record GuestRequest(@NotBlank @Size(max = 200) String name, String orgId, @NotNull OrgLevel level) {
    }

    public record PreparationRequest(boolean contentBySecretary, boolean committeeMetBeforehand,
                                     boolean draftResolution) {
    }

    public record ResolutionRequest(@NotBlank @Size(max = 1000) String text, String ownerMemberId, LocalDate dueBy) {
    }
}
