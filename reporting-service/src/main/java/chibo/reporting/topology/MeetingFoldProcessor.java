package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.meeting.MeetingEvent;
import chibo.reporting.figures.CellMeetings;

import java.util.Map;

/**
 * Folds each cell's meeting events (keyed by cell) into counters of the cell, in the month of the meeting, by the
 * rules of {@link CellMeetings}.
 */
final class MeetingFoldProcessor extends SubjectFold<MeetingFoldProcessor.CellRecord> {

    static final String STATES = "cell-meetings";
    static final String PARKED = "cell-meetings-parked";

    MeetingFoldProcessor(TopologyEvents events, TrustedSigners signers) {
        super(Topics.MEETING, MeetingEvent.class, STATES, PARKED, ReportingTopology.MEETING_DLT_SINK, events,
                signers);
    }

    /** A cell's meetings as of the event with this seq: each meeting's month and the grade it counts in. */
    record CellRecord(long seq, Map<String, String> months, Map<String, CellMeetings.Graded> grades)
            implements SubjectFold.Folded {
        CellRecord {
            months = months == null ? Map.of() : Map.copyOf(months);
            grades = grades == null ? Map.of() : Map.copyOf(grades);
        }
    }

    @Override
    protected CellRecord apply(CellRecord current, EventEnvelope event) {
        CellMeetings before = current == null ? CellMeetings.NONE : new CellMeetings(current.months(),
                current.grades());
        CellMeetings.Change change = before.apply(event);
        change.deltas().forEach(delta -> sendDelta(delta.cellId(), delta.counters(), delta.month(), event));
        return new CellRecord(event.seq(), change.after().months(), change.after().grades());
    }
}
