package chibo.contracts.meeting;

import chibo.contracts.EventPayload;

/** Facts of a cell's meetings, ratings and compliance. Subject: the cell's id. */
public sealed interface MeetingEvent extends EventPayload permits
        MeetingHeld, MeetingGraded, CellRated, CellMeetingBreachDetected, CellMeetingBreachRetracted,
        MemberAbsenceThresholdReached {
}
