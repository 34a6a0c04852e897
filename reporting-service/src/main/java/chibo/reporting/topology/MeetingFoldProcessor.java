package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.contracts.meeting.CellRated;
import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.reporting.figures.Counters;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds each cell's meeting events (keyed by cell) into counters of the cell, in the month of the meeting: meetings
 * held by kind, attendance expected / present / excused / unexcused, meetings a higher-level committee member
 * attended, complete minutes, the quality verdict and grade (a committee's override moves the meeting from its
 * computed grade to the new one), breaches of the meeting duty (a retraction takes the breach back in its period)
 * and the cell's annual rating.
 */
final class MeetingFoldProcessor extends SubjectFold<MeetingFoldProcessor.CellRecord> {

    static final String STATES = "cell-meetings";
    static final String PARKED = "cell-meetings-parked";

    MeetingFoldProcessor(TopologyEvents events, TrustedSigners signers) {
        super(Topics.MEETING, MeetingEvent.class, STATES, PARKED, ReportingTopology.MEETING_DLT_SINK, events,
                signers);
    }

    /** A cell's meetings as of the event with this seq: each meeting's month and the grade it counts in. */
    record CellRecord(long seq, Map<String, String> months, Map<String, Graded> grades) implements SubjectFold.Folded {
        CellRecord {
            months = months == null ? Map.of() : Map.copyOf(months);
            grades = grades == null ? Map.of() : Map.copyOf(grades);
        }
    }

    record Graded(MeetingGrade grade, boolean qualityMet) {
    }

    @Override
    protected CellRecord apply(CellRecord current, EventEnvelope event) {
        String cellId = event.subject();
        Map<String, String> months = new HashMap<>(current == null ? Map.of() : current.months());
        Map<String, Graded> grades = new HashMap<>(current == null ? Map.of() : current.grades());
        String month = Counters.month(event.effectiveDate());
        switch ((MeetingEvent) event.payload()) {
            case MeetingHeld held -> {
                month = Counters.month(held.startedAt().toLocalDate());
                months.put(held.meetingId(), month);
                sendDelta(cellId, held(held), month, event);
            }
            case MeetingGraded graded -> {
                month = months.getOrDefault(graded.meetingId(), month);
                Map<String, Long> change = new TreeMap<>();
                Graded was = grades.get(graded.meetingId());
                if (was != null) {
                    change.merge(Counters.grade(was.grade()), -1L, Long::sum);
                    change.merge(Counters.QUALITY_MET, was.qualityMet() ? -1L : 0L, Long::sum);
                }
                change.merge(Counters.grade(graded.grade()), 1L, Long::sum);
                change.merge(Counters.QUALITY_MET, graded.qualityMet() ? 1L : 0L, Long::sum);
                change.values().removeIf(value -> value == 0L);
                grades.put(graded.meetingId(), new Graded(graded.grade(), graded.qualityMet()));
                sendDelta(cellId, change, month, event);
            }
            case CellMeetingBreachDetected breach ->
                    sendDelta(cellId, Map.of(Counters.breach(breach.kind()), 1L), monthOf(breach.kind(),
                            breach.period()), event);
            case CellMeetingBreachRetracted retracted ->
                    sendDelta(cellId, Map.of(Counters.breach(retracted.kind()), -1L), monthOf(retracted.kind(),
                            retracted.period()), event);
            case CellRated rated -> {
                Map<String, Long> change = new TreeMap<>(Map.of(Counters.cellRating(rated.year(), rated.level()), 1L));
                if (rated.fourGoodTitle()) {
                    change.put(Counters.fourGood(rated.year()), 1L);
                }
                sendDelta(cellId, change, month, event);
            }
            default -> {
                // a member's absences are membership-service's concern; reporting counts them from attendance
            }
        }
        return new CellRecord(event.seq(), months, grades);
    }

    private static Map<String, Long> held(MeetingHeld held) {
        Map<String, Long> counters = new TreeMap<>();
        counters.put(Counters.MEETINGS_HELD, 1L);
        counters.put(Counters.meetingKind(held.kind()), 1L);
        for (Attendance attendance : held.attendance()) {
            counters.merge(Counters.ATTENDANCE_EXPECTED, 1L, Long::sum);
            String status = switch (attendance.status()) {
                case PRESENT -> Counters.ATTENDANCE_PRESENT;
                case EXCUSED -> Counters.ATTENDANCE_EXCUSED;
                case UNEXCUSED -> Counters.ATTENDANCE_UNEXCUSED;
            };
            counters.merge(status, 1L, Long::sum);
        }
        if (!held.guests().isEmpty()) {
            counters.put(Counters.VISITS, 1L);
        }
        if (held.minutesComplete()) {
            counters.put(Counters.MINUTES_COMPLETE, 1L);
        }
        return counters;
    }

    /** The month a breach belongs to: the month itself, or the last month of the quarter ({@code 2026-Q1}). */
    static String monthOf(BreachKind kind, String period) {
        if (kind == BreachKind.NO_REGULAR_MEETING || !period.contains("Q")) {
            return period;
        }
        int quarter = Integer.parseInt(period.substring(period.indexOf('Q') + 1));
        return String.format("%s-%02d", period.substring(0, 4), quarter * 3);
    }
}
