package chibo.contracts.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * The member's unexcused absences within a year reached the removal threshold (3): membership opens a removal
 * review; a human decides.
 */
public record MemberAbsenceThresholdReached(String memberId, int unexcusedAbsences, LocalDate windowFrom,
                                            LocalDate windowTo, List<String> meetingIds) implements MeetingEvent {
    public MemberAbsenceThresholdReached {
        meetingIds = meetingIds == null ? List.of() : List.copyOf(meetingIds);
    }
}
