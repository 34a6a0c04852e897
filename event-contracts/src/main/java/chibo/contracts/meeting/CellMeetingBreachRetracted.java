package chibo.contracts.meeting;

/** A meeting recorded later (backdated) shows the breach did not happen. Compensates the detection. */
public record CellMeetingBreachRetracted(BreachKind kind, String period, String meetingId) implements MeetingEvent {
}
