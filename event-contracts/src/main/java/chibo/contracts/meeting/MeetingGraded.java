package chibo.contracts.meeting;

import java.util.List;

/**
 * The meeting's quality: {@code qualityMet} is the "đạt chất lượng" verdict (HD 12-HD/BTCTW, 2018), {@code grade}
 * and {@code points} come from the province's scale, {@code reasons} say what produced them.
 */
public record MeetingGraded(String meetingId, boolean qualityMet, MeetingGrade grade, int points,
                            List<String> reasons, GradeOverride override) implements MeetingEvent {
    public MeetingGraded {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
