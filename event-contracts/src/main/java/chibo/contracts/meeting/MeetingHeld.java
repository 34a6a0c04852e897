package chibo.contracts.meeting;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A cell meeting took place. Times are local to Vietnam (UTC+7, no daylight saving); the effective date is the
 * meeting's date.
 */
public record MeetingHeld(String meetingId, MeetingKind kind, String topic, LocalDateTime startedAt,
                          LocalDateTime endedAt, String place, String chairMemberId, String secretaryMemberId,
                          List<Attendance> attendance, List<Guest> guests, Preparation preparation,
                          boolean minutesComplete, List<Resolution> resolutions) implements MeetingEvent {
    public MeetingHeld {
        attendance = attendance == null ? List.of() : List.copyOf(attendance);
        guests = guests == null ? List.of() : List.copyOf(guests);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
    }
}
