package chibo.reporting.figures;

import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.contracts.meeting.CellRated;
import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cell's meetings as the figures need them — each meeting's month and the grade it counts in — and what one meeting
 * event adds to the cell's counters, in the month of the meeting: meetings held by kind, attendance expected /
 * present / excused / unexcused, meetings a higher-level committee member attended, complete minutes, the quality
 * verdict and grade (a committee's override moves the meeting from its computed grade to the new one), breaches of
 * the meeting duty (a retraction takes the breach back in its period) and the cell's annual rating.
 */
public record CellMeetings(Map<String, String> months, Map<String, Graded> grades) {

    public static final CellMeetings NONE = new CellMeetings(Map.of(), Map.of());

    public CellMeetings {
        months = months == null ? Map.of() : Map.copyOf(months);
        grades = grades == null ? Map.of() : Map.copyOf(grades);
    }

    /** The grade a meeting counts in and whether it met the quality bar. */
    public record Graded(MeetingGrade grade, boolean qualityMet) {
    }

    /** The cell's meetings after the event, and the counters it adds at the cell (one delta at most). */
    public record Change(CellMeetings after, List<MemberChange.CellDelta> deltas) {
    }

    public Change apply(EventEnvelope event) {
        String cellId = event.subject();
        Map<String, String> months = new HashMap<>(this.months);
        Map<String, Graded> grades = new HashMap<>(this.grades);
        List<MemberChange.CellDelta> deltas = new ArrayList<>(1);
        String month = Counters.month(event.effectiveDate());
        switch ((MeetingEvent) event.payload()) {
            case MeetingHeld held -> {
                month = Counters.month(held.startedAt().toLocalDate());
                months.put(held.meetingId(), month);
                deltas.add(new MemberChange.CellDelta(cellId, held(held), month));
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
                deltas.add(new MemberChange.CellDelta(cellId, change, month));
            }
            case CellMeetingBreachDetected breach -> deltas.add(new MemberChange.CellDelta(cellId,
                    Map.of(Counters.breach(breach.kind()), 1L), monthOf(breach.kind(), breach.period())));
            case CellMeetingBreachRetracted retracted -> deltas.add(new MemberChange.CellDelta(cellId,
                    Map.of(Counters.breach(retracted.kind()), -1L), monthOf(retracted.kind(), retracted.period())));
            case CellRated rated -> {
                Map<String, Long> change = new TreeMap<>(Map.of(Counters.cellRating(rated.year(), rated.level()), 1L));
                if (rated.fourGoodTitle()) {
                    change.put(Counters.fourGood(rated.year()), 1L);
                }
                deltas.add(new MemberChange.CellDelta(cellId, change, month));
            }
            default -> {
                // a member's absences are membership-service's concern; reporting counts them from attendance
            }
        }
        return new Change(new CellMeetings(months, grades), deltas);
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
