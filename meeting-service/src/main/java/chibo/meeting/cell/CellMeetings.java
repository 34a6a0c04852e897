package chibo.meeting.cell;

import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.contracts.meeting.CellRated;
import chibo.contracts.meeting.MeetingEvent;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.contracts.member.RatingLevel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A cell's meeting record as its events leave it: the meetings held and their grades, the compliance breaches
 * found (and retracted), the unexcused absences, the absence thresholds reported, the annual ratings. The fold:
 * {@code state = events.reduce(null, CellMeetings::apply)}.
 */
public record CellMeetings(String cellId, List<Held> meetings, List<Breach> breaches, List<Absence> absences,
                           List<String> absenceThresholds, List<Rating> ratings) {

    public CellMeetings {
        meetings = List.copyOf(meetings);
        breaches = List.copyOf(breaches);
        absences = List.copyOf(absences);
        absenceThresholds = List.copyOf(absenceThresholds);
        ratings = List.copyOf(ratings);
    }

    /** A meeting held; {@code heldSeq} is the seq of its {@code meeting.held} event. */
    public record Held(String meetingId, long heldSeq, MeetingKind kind, LocalDate date, Graded graded) {

        boolean regular() {
            return kind == MeetingKind.REGULAR || kind == MeetingKind.COMBINED;
        }

        boolean thematic() {
            return kind == MeetingKind.THEMATIC || kind == MeetingKind.COMBINED;
        }
    }

    /** The meeting's grade as it stands; {@code computedGrade} is set when a committee overrode it. */
    public record Graded(boolean qualityMet, MeetingGrade grade, int points, MeetingGrade computedGrade,
                         long gradedSeq) {

        public boolean overridden() {
            return computedGrade != null;
        }
    }

    /** A compliance breach; {@code retractedBy} names the backdated meeting that showed it did not happen. */
    public record Breach(BreachKind kind, String period, String retractedBy) {

        public boolean standing() {
            return retractedBy == null;
        }
    }

    /** An unexcused absence of a member from a meeting. */
    public record Absence(String memberId, String meetingId, LocalDate date) {
    }

    public record Rating(int year, RatingLevel level, int points, boolean fourGoodTitle) {
    }

    public static CellMeetings empty(String cellId) {
        return new CellMeetings(cellId, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static CellMeetings apply(CellMeetings state, EventEnvelope event) {
        CellMeetings current = state != null ? state : empty(event.subject());
        if (!(event.payload() instanceof MeetingEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not a meeting event");
        }
        return switch (payload) {
            case MeetingHeld held -> current.withMeeting(held, event.seq());
            case MeetingGraded graded -> current.graded(graded, event.seq());
            case CellMeetingBreachDetected detected -> current.withBreaches(append(current.breaches,
                    new Breach(detected.kind(), detected.period(), null)));
            case CellMeetingBreachRetracted retracted -> current.withBreaches(current.breaches.stream()
                    .map(b -> b.kind() == retracted.kind() && b.period().equals(retracted.period()) && b.standing()
                            ? new Breach(b.kind(), b.period(), retracted.meetingId()) : b).toList());
            case MemberAbsenceThresholdReached reached -> new CellMeetings(current.cellId, current.meetings,
                    current.breaches, current.absences, append(current.absenceThresholds,
                    thresholdKey(reached.memberId(), reached.windowFrom().getYear())), current.ratings);
            case CellRated rated -> new CellMeetings(current.cellId, current.meetings, current.breaches,
                    current.absences, current.absenceThresholds, append(current.ratings,
                    new Rating(rated.year(), rated.level(), rated.points(), rated.fourGoodTitle())));
        };
    }

    /** The record with a meeting added, its unexcused absences with it. */
    public CellMeetings withMeeting(MeetingHeld held, long seq) {
        LocalDate date = held.startedAt().toLocalDate();
        List<Absence> unexcused = new ArrayList<>(absences);
        held.attendance().stream().filter(a -> a.status() == AttendanceStatus.UNEXCUSED)
                .forEach(a -> unexcused.add(new Absence(a.memberId(), held.meetingId(), date)));
        return new CellMeetings(cellId, append(meetings, new Held(held.meetingId(), seq, held.kind(), date, null)),
                breaches, unexcused, absenceThresholds, ratings);
    }

    private CellMeetings graded(MeetingGraded graded, long seq) {
        List<Held> next = meetings.stream().map(m -> m.meetingId().equals(graded.meetingId())
                ? new Held(m.meetingId(), m.heldSeq(), m.kind(), m.date(), new Graded(graded.qualityMet(),
                graded.grade(), graded.points(), graded.override() == null ? null
                : graded.override().computedGrade(), seq))
                : m).toList();
        return new CellMeetings(cellId, next, breaches, absences, absenceThresholds, ratings);
    }

    private CellMeetings withBreaches(List<Breach> next) {
        return new CellMeetings(cellId, meetings, next, absences, absenceThresholds, ratings);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }

    static String thresholdKey(String memberId, int year) {
        return memberId + "@" + year;
    }

    public Optional<Held> meeting(String meetingId) {
        return meetings.stream().filter(m -> m.meetingId().equals(meetingId)).findFirst();
    }

    public boolean has(String meetingId) {
        return meeting(meetingId).isPresent();
    }

    public boolean regularHeldIn(YearMonth month) {
        return meetings.stream().anyMatch(m -> m.regular() && YearMonth.from(m.date()).equals(month));
    }

    public boolean thematicHeldIn(Quarter quarter) {
        return meetings.stream().anyMatch(m -> m.thematic() && quarter.contains(m.date()));
    }

    /** The breach recorded for a period, standing or retracted. */
    public Optional<Breach> breach(BreachKind kind, String period) {
        return breaches.stream().filter(b -> b.kind() == kind && b.period().equals(period)).findFirst();
    }

    /** Breaches of the year's months and quarters that no meeting has retracted. */
    public List<Breach> standingBreaches(int year) {
        return breaches.stream().filter(b -> b.standing() && b.period().startsWith(year + "-")).toList();
    }

    /** The member's unexcused absences in a calendar year, oldest first. */
    public List<Absence> unexcused(String memberId, int year) {
        return absences.stream().filter(a -> a.memberId().equals(memberId) && a.date().getYear() == year)
                .sorted(Comparator.comparing(Absence::date).thenComparing(Absence::meetingId)).toList();
    }

    public boolean absenceThresholdReported(String memberId, int year) {
        return absenceThresholds.contains(thresholdKey(memberId, year));
    }

    public Optional<Rating> rating(int year) {
        return ratings.stream().filter(r -> r.year() == year).findFirst();
    }

    public List<Held> meetingsIn(int year) {
        return meetings.stream().filter(m -> m.date().getYear() == year)
                .sorted(Comparator.comparing(Held::date).thenComparing(Held::meetingId)).toList();
    }
}
