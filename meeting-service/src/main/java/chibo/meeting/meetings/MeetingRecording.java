package chibo.meeting.meetings;

import chibo.contracts.EventDraft;
import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.Guest;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.contracts.meeting.Resolution;
import chibo.meeting.roster.Rosters;
import chibo.platform.eventstore.AggregateStore;
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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Records a cell's meeting and publishes {@code meeting.held}. Attendance must match the cell's roster. */
@Service
public class MeetingRecording {

    private final AggregateStore<CellMeetings> cells;
    private final OrgTreeProjection tree;
    private final Rosters rosters;
    private final SubtreeGuard guard;

    MeetingRecording(AggregateStore<CellMeetings> cells, OrgTreeProjection tree, Rosters rosters, SubtreeGuard guard) {
        this.cells = cells;
        this.tree = tree;
        this.rosters = rosters;
        this.guard = guard;
    }

    public MeetingHeld record(Caller caller, String cellId, RecordMeetingRequest request) {
        OrgNode cell = tree.find(cellId).filter(OrgNode::active)
                .orElseThrow(() -> Problems.unknownReference("cellId", "cell", cellId));
        if (!cell.level().holdsMembers()) {
            throw Problems.invalid("cellId", "holds-members", "'" + cellId + "' is a " + cell.level()
                    + ", not a cell");
        }
        guard.requireWithin(caller, cellId, "cellId");
        if (!request.endedAt().isAfter(request.startedAt())) {
            throw Problems.invalid("endedAt", "after-start", "the meeting must end after it starts at "
                    + request.startedAt());
        }
        if (request.kind() != MeetingKind.REGULAR && (request.topic() == null || request.topic().isBlank())) {
            throw Problems.invalid("topic", "required-for-thematic", "a thematic meeting has a topic");
        }
        checkAttendance(cellId, request.attendance());

        String meetingId = request.meetingId() != null ? request.meetingId() : UUID.randomUUID().toString();
        MeetingHeld held = held(meetingId, request);
        EventDraft draft = new EventDraft(cellId, request.startedAt().toLocalDate(), cellId, null, UUID.randomUUID(),
                null, held);
        cells.execute(cellId, current -> {
            if (current.exists() && current.state().has(meetingId)) {
                throw Problems.alreadyExists("meetingId", "meeting", meetingId);
            }
            return List.of(draft);
        });
        return held;
    }

    private void checkAttendance(String cellId, List<RecordMeetingRequest.AttendanceRequest> attendance) {
        Set<String> roster = new HashSet<>(rosters.activeMembers(cellId));
        Set<String> seen = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < attendance.size(); i++) {
            var entry = attendance.get(i);
            String field = "attendance[" + i + "].memberId";
            if (!seen.add(entry.memberId())) {
                problems.add(new FieldProblem(field, "unique", "member '" + entry.memberId() + "' is listed twice"));
            } else if (!roster.contains(entry.memberId())) {
                problems.add(new FieldProblem(field, "on-roster", "member '" + entry.memberId()
                        + "' is not an active member of cell '" + cellId + "'"));
            }
            if (entry.status() == AttendanceStatus.EXCUSED && (entry.reason() == null || entry.reason().isBlank())) {
                problems.add(new FieldProblem("attendance[" + i + "].reason", "required-when-excused",
                        "an excused absence has a reason"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_REQUEST,
                    "Attendance does not match the roster", problems.size() + " attendance entries are wrong",
                    problems, Map.of());
        }
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
