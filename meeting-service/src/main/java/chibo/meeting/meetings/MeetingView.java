package chibo.meeting.meetings;

import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.GradeOverride;
import chibo.contracts.meeting.Guest;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.contracts.meeting.Resolution;

import java.time.LocalDateTime;
import java.util.List;

/** A meeting as recorded, with its quality as it stands (a committee's override and the computed grade). */
public record MeetingView(String cellId, String meetingId, MeetingKind kind, String topic, LocalDateTime startedAt,
                          LocalDateTime endedAt, String place, String chairMemberId, String secretaryMemberId,
                          List<Attendance> attendance, List<Guest> guests, Preparation preparation,
                          boolean minutesComplete, List<Resolution> resolutions, Quality quality) {

    /** The grade with the points and reasons that produced it; {@code override} when a committee changed it. */
    public record Quality(boolean qualityMet, MeetingGrade grade, int points, List<String> reasons,
                          GradeOverride override) {

        static Quality of(MeetingGraded graded) {
            return graded == null ? null : new Quality(graded.qualityMet(), graded.grade(), graded.points(),
                    graded.reasons(), graded.override());
        }
    }

    static MeetingView of(String cellId, MeetingHeld held, MeetingGraded graded) {
        return new MeetingView(cellId, held.meetingId(), held.kind(), held.topic(), held.startedAt(), held.endedAt(),
                held.place(), held.chairMemberId(), held.secretaryMemberId(), held.attendance(), held.guests(),
                held.preparation(), held.minutesComplete(), held.resolutions(), Quality.of(graded));
    }
}
