package chibo.contracts.meeting;

public record CellMeetingBreachDetected(BreachKind kind, String period) implements MeetingEvent {
}
