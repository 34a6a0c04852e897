package chibo.contracts;

import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.contracts.meeting.CellRated;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberDisciplined;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberReviewClosed;
import chibo.contracts.member.MemberReviewOpened;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.MemberResidenceLiaisonRegistered;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.contracts.organization.PositionAssigned;
import chibo.contracts.organization.PositionVacated;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitRegistered;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type chibo knows: its wire name, its record and its topic. Wire names are
 * {@code <aggregate>.<fact>.v<N>}; a new version is a new entry plus an {@link Upcaster} from the old one.
 */
public final class EventCatalog {

    /** One row of the catalogue. */
    public record Entry(String type, Class<? extends EventPayload> payloadClass, String topic) {
    }

    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, Entry> BY_CLASS = new LinkedHashMap<>();

    static {
        organization("organization.registered.v1", OrganizationRegistered.class);
        organization("organization.renamed.v1", OrganizationRenamed.class);
        organization("organization.moved.v1", OrganizationMoved.class);
        organization("organization.merged.v1", OrganizationMerged.class);
        organization("organization.dissolved.v1", OrganizationDissolved.class);
        organization("unit.registered.v1", UnitRegistered.class);
        organization("unit.covered.v1", UnitCovered.class);
        organization("position.assigned.v1", PositionAssigned.class);
        organization("position.vacated.v1", PositionVacated.class);

        member("member.enrolled_from_register.v1", MemberEnrolledFromRegister.class);
        member("member.admitted.v1", MemberAdmitted.class);
        member("member.sworn_in.v1", MemberSwornIn.class);
        member("member.recognized.v1", MemberRecognized.class);
        member("member.probation_failed.v1", MemberProbationFailed.class);
        member("member.transfer_started.v1", MemberTransferStarted.class);
        member("member.transfer_received.v1", MemberTransferReceived.class);
        member("member.temporary_transfer_started.v1", MemberTemporaryTransferStarted.class);
        member("member.temporary_transfer_ended.v1", MemberTemporaryTransferEnded.class);
        member("member.residence_liaison_registered.v1", MemberResidenceLiaisonRegistered.class);
        member("member.residence_changed.v1", MemberResidenceChanged.class);
        member("member.exempted.v1", MemberExempted.class);
        member("member.disciplined.v1", MemberDisciplined.class);
        member("member.removed.v1", MemberRemoved.class);
        member("member.let_go.v1", MemberLetGo.class);
        member("member.expelled.v1", MemberExpelled.class);
        member("member.deceased.v1", MemberDeceased.class);
        member("member.readmitted.v1", MemberReadmitted.class);
        member("member.rated.v1", MemberRated.class);
        member("member.review_opened.v1", MemberReviewOpened.class);
        member("member.review_closed.v1", MemberReviewClosed.class);
        member("member.corrected.v1", MemberCorrected.class);

        meeting("meeting.held.v1", MeetingHeld.class);
        meeting("meeting.graded.v1", MeetingGraded.class);
        meeting("cell.rated.v1", CellRated.class);
        meeting("cell.meeting_breach_detected.v1", CellMeetingBreachDetected.class);
        meeting("cell.meeting_breach_retracted.v1", CellMeetingBreachRetracted.class);
        meeting("member.absence_threshold_reached.v1", MemberAbsenceThresholdReached.class);
    }

    private EventCatalog() {
    }

    private static void organization(String type, Class<? extends EventPayload> payloadClass) {
        register(new Entry(type, payloadClass, Topics.ORGANIZATION));
    }

    private static void member(String type, Class<? extends EventPayload> payloadClass) {
        register(new Entry(type, payloadClass, Topics.MEMBERSHIP));
    }

    private static void meeting(String type, Class<? extends EventPayload> payloadClass) {
        register(new Entry(type, payloadClass, Topics.MEETING));
    }

    private static void register(Entry entry) {
        BY_TYPE.put(entry.type(), entry);
        BY_CLASS.put(entry.payloadClass(), entry);
    }

    public static Collection<Entry> entries() {
        return BY_TYPE.values();
    }

    public static Optional<Entry> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The entry for a wire name, or {@link UnknownEventTypeException} naming it. */
    public static Entry require(String type) {
        Entry entry = BY_TYPE.get(type);
        if (entry == null) {
            throw new UnknownEventTypeException(type);
        }
        return entry;
    }

    public static String typeOf(EventPayload payload) {
        return entryOf(payload.getClass()).type();
    }

    public static String topicOf(EventPayload payload) {
        return entryOf(payload.getClass()).topic();
    }

    private static Entry entryOf(Class<?> payloadClass) {
        Entry entry = BY_CLASS.get(payloadClass);
        if (entry == null) {
            throw new IllegalStateException(payloadClass.getName() + " has no entry in the event catalogue");
        }
        return entry;
    }
}
