package chibo.meeting.meetings;

import chibo.contracts.EventDraft;
import chibo.contracts.EventPayload;
import chibo.contracts.VietnamTime;
import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.GradeOverride;
import chibo.contracts.meeting.Guest;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.contracts.meeting.Resolution;
import chibo.contracts.organization.OrgLevel;
import chibo.meeting.absence.AbsenceThreshold;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.compliance.Compliance;
import chibo.meeting.quality.MeetingFacts;
import chibo.meeting.quality.MeetingGrading;
import chibo.meeting.quality.MeetingsProperties;
import chibo.meeting.roster.CellRoster;
import chibo.meeting.roster.Presence;
import chibo.meeting.roster.Rosters;
import chibo.meeting.roster.Stint;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.eventstore.Current;
import chibo.platform.orgtree.OrgNode;
import chibo.platform.orgtree.OrgTreeProjection;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import chibo.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a cell's meeting: checks it against the cell's roster on the meeting's date, grades it, and publishes
 * {@code meeting.held} and {@code meeting.graded} together with what the meeting changes: breaches it retracts
 * (a meeting recorded late) and absence thresholds it makes members reach.
 */
@Service
public class MeetingRecording {

    /** Longer than any meeting: a typo in a time, not a meeting. */
    private static final Duration LONGEST = Duration.ofHours(12);

    private final AggregateStore<CellMeetings> cells;
    private final OrgTreeProjection tree;
    private final Rosters rosters;
    private final SubtreeGuard guard;
    private final MeetingGrading grading;
    private final AbsenceThreshold absenceThreshold;
    private final MeetingsProperties properties;
    private final Clock clock;

    MeetingRecording(AggregateStore<CellMeetings> cells, OrgTreeProjection tree, Rosters rosters, SubtreeGuard guard,
                     MeetingGrading grading, AbsenceThreshold absenceThreshold, MeetingsProperties properties,
                     Clock clock) {
        this.cells = cells;
        this.tree = tree;
        this.rosters = rosters;
        this.guard = guard;
        this.grading = grading;
        this.absenceThreshold = absenceThreshold;
        this.properties = properties;
        this.clock = clock;
    }

    public MeetingView record(Caller caller, String cellId, RecordMeetingRequest request) {
        OrgNode cell = requireCell(cellId);
        guard.requireWithin(caller, cellId, "cellId");
        LocalDate date = request.startedAt().toLocalDate();
        checkTimes(request, date);
        Map<String, CellRoster.Line> roster = rosters.asOf(cellId, date).stream()
                .collect(Collectors.toMap(CellRoster.Line::memberId, Function.identity()));
        List<FieldProblem> problems = new ArrayList<>();
        checkAttendance(cellId, date, roster, request, problems);
        checkGuests(cell, request.guests() == null ? List.of() : request.guests(), problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_REQUEST,
                    "The meeting does not match the cell's roster", problems.size() + " problem(s) with the meeting"
                    + " of " + date + ": " + problems.stream().map(FieldProblem::message)
                    .collect(Collectors.joining("; ")), problems, Map.of("rosterDate", date.toString()));
        }

        String meetingId = request.meetingId() != null ? request.meetingId() : Correlation.newId("meeting");
        MeetingHeld held = held(meetingId, request);
        String province = provinceOf(cellId);
        MeetingGrading.Outcome outcome = grading.grade(facts(held, roster), properties.scaleFor(province),
                properties.grading().containsKey(province) ? province : "default");
        MeetingGraded graded = new MeetingGraded(meetingId, outcome.qualityMet(), outcome.grade(), outcome.points(),
                outcome.reasons(), null);
        UUID correlation = Correlation.current();
        cells.execute(cellId, current -> {
            CellMeetings before = current.exists() ? current.state() : CellMeetings.empty(cellId);
            if (before.has(meetingId)) {
                throw Problems.alreadyExists("meetingId", "meeting", meetingId);
            }
            List<EventPayload> payloads = new ArrayList<>(List.of(held, graded));
            payloads.addAll(Compliance.retractedBy(before, held));
            CellMeetings after = before.withMeeting(held, current.seq() + 1);
            payloads.addAll(absenceThreshold.reachedBy(after, held));
            return payloads.stream().map(payload -> new EventDraft(cellId, date, cellId, null, correlation, null,
                    payload)).toList();
        });
        return MeetingView.of(cellId, held, graded);
    }

    /**
     * A committee above the cell replaces the computed grade, with its reason; the computed grade stays on record
     * in the override and in the first {@code meeting.graded}.
     */
    public MeetingView override(Caller caller, String cellId, String meetingId, GradeOverrideRequest request) {
        requireCell(cellId);
        guard.requireWithin(caller, cellId, "cellId");
        if (cellId.equals(caller.org())) {
            String message = "a grade is overridden by a committee above the cell, not by the cell itself";
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Not a higher-level committee",
                    message, List.of(new FieldProblem("cellId", "higher-level-committee", message)), Map.of());
        }
        var result = cells.execute(cellId, current -> {
            CellMeetings.Held meeting = meetingOf(current, cellId, meetingId);
            MeetingGraded standing = gradedEvent(cellId, meeting);
            MeetingGrade computed = standing.override() != null ? standing.override().computedGrade()
                    : standing.grade();
            MeetingGraded overridden = new MeetingGraded(meetingId, standing.qualityMet(), request.grade(),
                    standing.points(), standing.reasons(), new GradeOverride(computed, caller.org(), request.reason()));
            return List.of(new EventDraft(cellId, meeting.date(), caller.org(), request.decisionNumber(),
                    Correlation.current(), null, overridden));
        });
        return view(cellId, meetingOf(result.current(), cellId, meetingId));
    }

    public MeetingView find(Caller caller, String cellId, String meetingId) {
        guard.requireReadable(caller, cellId, "cellId");
        return view(cellId, meetingOf(cells.load(cellId), cellId, meetingId));
    }

    /** The cell's meetings of a year, oldest first, with their grades. */
    public List<CellMeetings.Held> list(Caller caller, String cellId, int year) {
        guard.requireReadable(caller, cellId, "cellId");
        Current<CellMeetings> current = cells.load(cellId);
        return current.exists() ? current.state().meetingsIn(year) : List.of();
    }

    private MeetingView view(String cellId, CellMeetings.Held meeting) {
        MeetingHeld held = (MeetingHeld) cells.event(cellId, meeting.heldSeq()).orElseThrow().payload();
        return MeetingView.of(cellId, held, gradedEvent(cellId, meeting));
    }

    private MeetingGraded gradedEvent(String cellId, CellMeetings.Held meeting) {
        return meeting.graded() == null ? null
                : (MeetingGraded) cells.event(cellId, meeting.graded().gradedSeq()).orElseThrow().payload();
    }

    private static CellMeetings.Held meetingOf(Current<CellMeetings> current, String cellId, String meetingId) {
        return Optional.ofNullable(current.exists() ? current.state() : null)
                .flatMap(state -> state.meeting(meetingId))
                .orElseThrow(() -> Problems.notFound("meeting", cellId + "/" + meetingId));
    }

    private OrgNode requireCell(String cellId) {
        OrgNode cell = tree.find(cellId).filter(OrgNode::active)
                .orElseThrow(() -> Problems.unknownReference("cellId", "cell", cellId));
        if (!cell.level().holdsMembers()) {
            throw Problems.invalid("cellId", "holds-members", "'" + cellId + "' is a " + cell.level()
                    + ", not a cell");
        }
        return cell;
    }

    private void checkTimes(RecordMeetingRequest request, LocalDate date) {
        if (!request.endedAt().isAfter(request.startedAt())) {
            throw Problems.invalid("endedAt", "after-start", "the meeting must end after it starts at "
                    + request.startedAt());
        }
        if (Duration.between(request.startedAt(), request.endedAt()).compareTo(LONGEST) > 0) {
            throw Problems.invalid("endedAt", "plausible-length", "a meeting from " + request.startedAt() + " to "
                    + request.endedAt() + " is longer than " + LONGEST.toHours() + " hours");
        }
        if (date.isAfter(VietnamTime.today(clock))) {
            throw Problems.invalid("startedAt", "not-in-future", "a meeting is recorded once held; " + date
                    + " has not come yet");
        }
        if (request.kind() != MeetingKind.REGULAR && (request.topic() == null || request.topic().isBlank())) {
            throw Problems.invalid("topic", "required-for-thematic", "a thematic meeting has a topic");
        }
    }

    private static void checkAttendance(String cellId, LocalDate date, Map<String, CellRoster.Line> roster,
                                        RecordMeetingRequest request, List<FieldProblem> problems) {
        Set<String> listed = new HashSet<>();
        Set<String> present = new HashSet<>();
        List<RecordMeetingRequest.AttendanceRequest> attendance = request.attendance();
        for (int i = 0; i < attendance.size(); i++) {
            var entry = attendance.get(i);
            String field = "attendance[" + i + "]";
            CellRoster.Line line = roster.get(entry.memberId());
            if (!listed.add(entry.memberId())) {
                problems.add(new FieldProblem(field + ".memberId", "unique", "member '" + entry.memberId()
                        + "' is listed twice"));
            } else if (line == null) {
                problems.add(new FieldProblem(field + ".memberId", "on-roster", "member '" + entry.memberId()
                        + "' is not on the roster of cell '" + cellId + "' on " + date));
            } else if (line.presence() == Presence.OPTIONAL && entry.status() == AttendanceStatus.UNEXCUSED) {
                problems.add(new FieldProblem(field + ".status", "need-not-attend", "member '" + entry.memberId()
                        + "' need not attend (" + describe(line.why()) + "): list them as present or leave them out"));
            }
            if (entry.status() == AttendanceStatus.PRESENT) {
                present.add(entry.memberId());
            }
            if (entry.status() == AttendanceStatus.EXCUSED && (entry.reason() == null || entry.reason().isBlank())) {
                problems.add(new FieldProblem(field + ".reason", "required-when-excused",
                        "an excused absence has a reason"));
            }
        }
        List<String> missing = roster.values().stream()
                .filter(line -> line.presence() == Presence.EXPECTED && !listed.contains(line.memberId()))
                .map(CellRoster.Line::memberId).sorted().toList();
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem("attendance", "complete", missing.size() + " member(s) on the roster of "
                    + date + " are not listed: " + String.join(", ", missing.subList(0, Math.min(20, missing.size())))
                    + (missing.size() > 20 ? ", …" : "")));
        }
        requirePresent("chairMemberId", request.chairMemberId(), present, problems);
        requirePresent("secretaryMemberId", request.secretaryMemberId(), present, problems);
        List<RecordMeetingRequest.ResolutionRequest> resolutions =
                request.resolutions() == null ? List.of() : request.resolutions();
        for (int i = 0; i < resolutions.size(); i++) {
            String owner = resolutions.get(i).ownerMemberId();
            if (owner != null && !roster.containsKey(owner)) {
                problems.add(new FieldProblem("resolutions[" + i + "].ownerMemberId", "on-roster", "member '"
                        + owner + "' is not on the roster of cell '" + cellId + "' on " + date));
            }
        }
    }

    private static void requirePresent(String field, String memberId, Set<String> present,
                                       List<FieldProblem> problems) {
        if (memberId != null && !present.contains(memberId)) {
            problems.add(new FieldProblem(field, "present", "member '" + memberId
                    + "' is not listed as present at the meeting"));
        }
    }

    private static String describe(Stint.Why why) {
        return switch (why) {
            case EXEMPTED -> "exempted from activity";
            case TEMPORARILY_AWAY -> "temporarily active at another cell";
            case MEMBER, TEMPORARY_MEMBER -> "on the roster";
        };
    }

    /**
     * Guests come from higher-level committees: an organisation above the cell in its line, at that
     * organisation's level; without an organisation, at a level above the cell's.
     */
    private void checkGuests(OrgNode cell, List<RecordMeetingRequest.GuestRequest> guests,
                             List<FieldProblem> problems) {
        List<String> line = tree.lineage(cell.id());
        for (int i = 0; i < guests.size(); i++) {
            var guest = guests.get(i);
            String field = "guests[" + i + "]";
            if (guest.orgId() != null) {
                Optional<OrgNode> org = tree.find(guest.orgId());
                if (org.isEmpty()) {
                    problems.add(new FieldProblem(field + ".orgId", "exists", "no organisation has id '"
                            + guest.orgId() + "'"));
                } else if (guest.orgId().equals(cell.id()) || !line.contains(guest.orgId())) {
                    problems.add(new FieldProblem(field + ".orgId", "higher-level", "'" + guest.orgId()
                            + "' is not above cell '" + cell.id() + "'"));
                } else if (org.get().level() != guest.level()) {
                    problems.add(new FieldProblem(field + ".level", "matches-organisation", "'" + guest.orgId()
                            + "' is a " + org.get().level() + ", not a " + guest.level()));
                }
            } else if (guest.level().holdsMembers() || guest.level().ordinal() >= cell.level().ordinal()) {
                problems.add(new FieldProblem(field + ".level", "higher-level", "a guest at " + guest.level()
                        + " level is not from a committee above a " + cell.level()));
            }
        }
    }

    /** The province the cell belongs to, for its grading scale. */
    private String provinceOf(String cellId) {
        return tree.lineage(cellId).stream().map(tree::find).flatMap(Optional::stream)
                .filter(node -> node.level() == OrgLevel.PROVINCE).map(OrgNode::id).findFirst().orElse(null);
    }

    private static MeetingFacts facts(MeetingHeld held, Map<String, CellRoster.Line> roster) {
        int expected = 0;
        int presentOfExpected = 0;
        int unexcused = 0;
        Map<String, AttendanceStatus> status = held.attendance().stream()
                .collect(Collectors.toMap(Attendance::memberId, Attendance::status, (a, b) -> a));
        for (CellRoster.Line line : roster.values()) {
            if (line.presence() == Presence.EXPECTED) {
                expected++;
                if (status.get(line.memberId()) == AttendanceStatus.PRESENT) {
                    presentOfExpected++;
                }
            }
        }
        for (Attendance attendance : held.attendance()) {
            if (attendance.status() == AttendanceStatus.UNEXCUSED) {
                unexcused++;
            }
        }
        long minutes = Duration.between(held.startedAt(), held.endedAt()).toMinutes();
        int withOwner = (int) held.resolutions().stream().filter(r -> r.ownerMemberId() != null).count();
        return new MeetingFacts(held.kind(), held.startedAt().toLocalDate(), minutes, expected, presentOfExpected,
                unexcused, held.preparation(), held.minutesComplete(), held.resolutions().size(), withOwner);
    }

    private static MeetingHeld held(String meetingId, RecordMeetingRequest r) {
        var prep = r.preparation();
        return new MeetingHeld(meetingId, r.kind(), r.topic(), r.startedAt(), r.endedAt(), r.place(),
                r.chairMemberId(), r.secretaryMemberId(),
                r.attendance().stream().map(a -> new Attendance(a.memberId(), a.status(), a.reason())).toList(),
                r.guests() == null ? List.of()
                        : r.guests().stream().map(g -> new Guest(g.name(), g.orgId(), g.level())).toList(),
                prep == null ? new Preparation(false, false, false)
                        : new Preparation(prep.contentBySecretary(), prep.committeeMetBeforehand(),
                        prep.draftResolution()),
                r.minutesComplete(),
                r.resolutions() == null ? List.of()
                        : r.resolutions().stream().map(x -> new Resolution(x.text(), x.ownerMemberId(), x.dueBy()))
                        .toList());
    }
}
