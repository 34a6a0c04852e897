package chibo.meeting.meetings;

import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.meeting.MeetingHeld;

import java.util.ArrayList;
import java.util.List;

/** A cell's meeting log as its events leave it: which meetings it has recorded. */
public record CellMeetings(String cellId, List<String> meetingIds) {

    public CellMeetings {
        meetingIds = List.copyOf(meetingIds);
    }

    public boolean has(String meetingId) {
        return meetingIds.contains(meetingId);
    }

    public static CellMeetings apply(CellMeetings state, EventEnvelope event) {
        CellMeetings current = state != null ? state : new CellMeetings(event.subject(), List.of());
        if (!(event.payload() instanceof MeetingEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not a meeting event");
        }
        if (payload instanceof MeetingHeld held) {
            List<String> ids = new ArrayList<>(current.meetingIds());
            ids.add(held.meetingId());
            return new CellMeetings(current.cellId(), ids);
        }
        return current;
    }
}
