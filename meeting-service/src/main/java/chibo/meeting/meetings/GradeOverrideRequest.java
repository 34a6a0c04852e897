package chibo.meeting.meetings;

import chibo.contracts.meeting.MeetingGrade;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A higher-level committee's grade for a meeting, replacing the computed one, and why. */
public record GradeOverrideRequest(@NotNull MeetingGrade grade, @NotBlank @Size(max = 1000) String reason,
                                   @Size(max = 64) String decisionNumber) {
}
