package chibo.membership.member;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberDisciplined;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.MemberResidenceLiaisonRegistered;
import chibo.contracts.member.MemberReviewClosed;
import chibo.contracts.member.MemberReviewOpened;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.Person;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fold of a member's events: {@code state = events.reduce(null, MemberLifecycle::apply)}. */
public final class MemberLifecycle {

    private MemberLifecycle() {
    }

    public static MemberState apply(MemberState state, EventEnvelope event) {
        if (!(event.payload() instanceof MemberEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not a member event");
        }
        return recorded(fold(state, event, payload), event, payload);
    }

    private static MemberState fold(MemberState state, EventEnvelope event, MemberEvent payload) {
        return switch (payload) {
            case MemberEnrolledFromRegister e -> new MemberState(event.subject(), e.person(), e.status(), e.cellId(),
                    e.admittedOn(), e.admittedOn(), null, null, e.recognizedOn(), e.partyCardNumber(), true,
                    e.exempted(), null, null, null, null, null, null, null, Map.of(), List.of(),
                    List.of(new MemberState.StatusMark(event.seq(), e.status(), event.effectiveDate())), List.of(),
                    List.of(), List.of(), residenceAtEntry(e.person(), event));
            case MemberAdmitted e -> new MemberState(event.subject(), e.person(), MemberStatus.PROBATIONARY,
                    e.cellId(), event.effectiveDate(), event.effectiveDate(), null, null, null, null, false, false,
                    null, null, null, null, null, null, null, Map.of(), List.of(),
                    List.of(mark(event, MemberStatus.PROBATIONARY)), List.of(), List.of(), List.of(),
                    residenceAtEntry(e.person(), event));
            case MemberReadmitted e -> new MemberState(event.subject(), e.person(), MemberStatus.PROBATIONARY,
                    e.cellId(), event.effectiveDate(), e.firstAdmittedOn(), null, null, null, null, false, false,
                    null, null, null, e.previousMemberId(), e.previousLeftOn(), null, null, Map.of(), List.of(),
                    List.of(mark(event, MemberStatus.PROBATIONARY)), List.of(), List.of(), List.of(),
                    residenceAtEntry(e.person(), event));
            case MemberSwornIn e -> copy(state).swornIn(event.effectiveDate(), e.probationEndsOn()).build();
            case MemberRecognized e -> copy(state).status(MemberStatus.OFFICIAL, event)
                    .officialFrom(e.officialFrom()).partyCardNumber(e.partyCardNumber()).build();
            case MemberProbationFailed e -> copy(state).status(MemberStatus.REMOVED, event).left(event, null).build();
            case MemberTransferStarted e -> copy(state).inTransit(new MemberState.Transit(e.kind(), e.toOrgId(),
                    e.toCellId(), event.effectiveDate())).build();
            case MemberTransferReceived e -> e.residenceUnitId() == null
                    || e.residenceUnitId().equals(state.residenceUnitId())
                    ? copy(state).cell(e.cellId()).inTransit(null).build()
                    : copy(state).cell(e.cellId()).inTransit(null)
                    .movedTo(new MemberState.Residence(event.seq(), e.residenceUnitId(), null, event.effectiveDate()))
                    .build();
            case MemberTemporaryTransferStarted e -> copy(state)
                    .temporaryStay(new MemberState.TemporaryStay(e.hostCellId(), e.until())).build();
            case MemberTemporaryTransferEnded e -> copy(state).temporaryStay(null).build();
            case MemberResidenceLiaisonRegistered e -> copy(state).residenceLiaison(e.residenceCellId()).build();
            case MemberResidenceChanged e -> copy(state).movedTo(new MemberState.Residence(event.seq(),
                    e.residenceUnitId(), e.unitOrgId(), event.effectiveDate())).build();
            case MemberExempted e -> copy(state).exempted(true).build();
            case MemberDisciplined e -> e.selfReportedAndRemedied() ? state
                    : copy(state).disciplinedIn(event.effectiveDate().getYear()).build();
            case MemberRemoved e -> copy(state).status(MemberStatus.REMOVED, event).left(event, e.ground().name())
                    .build();
            case MemberLetGo e -> copy(state).status(MemberStatus.LET_GO, event).left(event, e.ground().name())
                    .build();
            case MemberExpelled e -> copy(state).status(MemberStatus.EXPELLED, event).left(event, null).build();
            case MemberDeceased e -> copy(state).status(MemberStatus.DECEASED, event).left(event, null).build();
            case MemberRated e -> copy(state).rated(e.year(), e.level()).build();
            case MemberReviewOpened e -> copy(state).reviewOpened(new MemberState.Review(e.kind(), e.basis(),
                    event.effectiveDate(), e.reason(), e.evidence())).build();
            case MemberReviewClosed e -> copy(state).reviewClosed(e.kind(), e.basis()).build();
            case MemberCorrected e -> corrected(state, e);
        };
    }

    /**
     * Adds the event to the member's timeline; a correction that annuls or reverses an event takes that event out
     * of it, as it no longer stands.
     */
    private static MemberState recorded(MemberState state, EventEnvelope event, MemberEvent payload) {
        List<MemberState.Recorded> timeline = new ArrayList<>(state.timeline());
        if (payload instanceof MemberCorrected e) {
            timeline.removeIf(recorded -> recorded.seq() == e.correctedSeq());
        }
        timeline.add(new MemberState.Recorded(event.seq(), event.type(), event.effectiveDate(), step(payload)));
        return new MemberState(state.id(), state.person(), state.status(), state.cellId(), state.admittedOn(),
                state.firstAdmittedOn(), state.swornInOn(), state.probationEndsOn(), state.officialFrom(),
                state.partyCardNumber(), state.enrolledFromRegister(), state.exempted(), state.inTransit(),
                state.temporaryStay(), state.residenceLiaisonCellId(), state.previousMemberId(),
                state.previousLeftOn(), state.leftOn(), state.leavingGround(), state.ratings(),
                state.unremediedDisciplineYears(), state.statusHistory(), state.openReviews(), state.reviewBases(),
                timeline, state.residences());
    }

    private static MemberState.Step step(MemberEvent payload) {
        return switch (payload) {
            case MemberEnrolledFromRegister e -> MemberState.Step.ENTRY;
            case MemberAdmitted e -> MemberState.Step.ENTRY;
            case MemberReadmitted e -> MemberState.Step.ENTRY;
            case MemberSwornIn e -> MemberState.Step.SWORN_IN;
            case MemberRecognized e -> MemberState.Step.RECOGNIZED;
            case MemberResidenceChanged e -> MemberState.Step.RESIDENCE_CHANGED;
            case MemberTransferStarted e -> MemberState.Step.TRANSFER_STARTED;
            case MemberTransferReceived e -> MemberState.Step.TRANSFER_RECEIVED;
            case MemberTemporaryTransferStarted e -> MemberState.Step.TEMPORARY_TRANSFER_STARTED;
            case MemberProbationFailed e -> MemberState.Step.ENDED;
            case MemberRemoved e -> MemberState.Step.ENDED;
            case MemberLetGo e -> MemberState.Step.ENDED;
            case MemberExpelled e -> MemberState.Step.ENDED;
            case MemberDeceased e -> MemberState.Step.ENDED;
            case MemberCorrected e -> MemberState.Step.CORRECTION;
            default -> MemberState.Step.OTHER;
        };
    }

    /**
     * A correction of the decision that set the current status (an upheld appeal, an annulment) restores the
     * status before it; a correction of any other event leaves the status as it is.
     */
    private static MemberState corrected(MemberState state, MemberCorrected e) {
        List<MemberState.StatusMark> history = state.statusHistory();
        MemberState.StatusMark last = history.getLast();
        if (history.size() < 2 || last.seq() != e.correctedSeq()
                || (e.kind() != CorrectionKind.APPEAL_UPHELD && e.kind() != CorrectionKind.ANNULLED)) {
            return state;
        }
        MemberState.StatusMark restored = history.get(history.size() - 2);
        return copy(state).restore(restored, history.subList(0, history.size() - 1)).build();
    }

    /** The unit the entry's person lives in, as the first mark of the member's residence history. */
    private static List<MemberState.Residence> residenceAtEntry(Person person, EventEnvelope event) {
        return person == null || person.residenceUnitId() == null ? List.of()
                : List.of(new MemberState.Residence(event.seq(), person.residenceUnitId(), null,
                event.effectiveDate()));
    }

    private static MemberState.StatusMark mark(EventEnvelope event, MemberStatus status) {
        return new MemberState.StatusMark(event.seq(), status, event.effectiveDate());
    }

    private static Builder copy(MemberState state) {
        if (state == null) {
            throw new IllegalStateException("a member's first event must be an admission, readmission or"
                    + " enrolment from a register");
        }
        return new Builder(state);
    }

    /** Copies a state with a few fields changed; the fold reads like a table because of it. */
    private static final class Builder {
        private final MemberState s;
        private MemberStatus status;
        private String cellId;
        private java.time.LocalDate swornInOn;
        private java.time.LocalDate probationEndsOn;
        private java.time.LocalDate officialFrom;
        private String partyCardNumber;
        private boolean exempted;
        private MemberState.Transit inTransit;
        private MemberState.TemporaryStay temporaryStay;
        private String residenceLiaisonCellId;
        private java.time.LocalDate leftOn;
        private String leavingGround;
        private final Map<Integer, chibo.contracts.member.RatingLevel> ratings;
        private final List<Integer> unremediedDisciplineYears;
        private List<MemberState.StatusMark> statusHistory;
        private final List<MemberState.Review> openReviews;
        private final List<String> reviewBases;
        private Person person;
        private final List<MemberState.Residence> residences;

        Builder(MemberState s) {
            this.s = s;
            status = s.status();
            cellId = s.cellId();
            swornInOn = s.swornInOn();
            probationEndsOn = s.probationEndsOn();
            officialFrom = s.officialFrom();
            partyCardNumber = s.partyCardNumber();
            exempted = s.exempted();
            inTransit = s.inTransit();
            temporaryStay = s.temporaryStay();
            residenceLiaisonCellId = s.residenceLiaisonCellId();
            leftOn = s.leftOn();
            leavingGround = s.leavingGround();
            ratings = new HashMap<>(s.ratings());
            unremediedDisciplineYears = new ArrayList<>(s.unremediedDisciplineYears());
            statusHistory = new ArrayList<>(s.statusHistory());
            openReviews = new ArrayList<>(s.openReviews());
            reviewBases = new ArrayList<>(s.reviewBases());
            person = s.person();
            residences = new ArrayList<>(s.residences());
        }

        /** The member lives elsewhere from the residence's date: the person shows it, the history keeps it. */
        Builder movedTo(MemberState.Residence residence) {
            Person p = person == null ? new Person(null, null, null, null, null, null) : person;
            person = new Person(p.fullName(), p.birthDate(), p.sex(), p.ethnicity(), p.education(), residence.unitId());
            residences.add(residence);
            return this;
        }

        Builder status(MemberStatus newStatus, EventEnvelope event) {
            status = newStatus;
            statusHistory.add(mark(event, newStatus));
            return this;
        }

        Builder restore(MemberState.StatusMark previous, List<MemberState.StatusMark> history) {
            status = previous.status();
            statusHistory = new ArrayList<>(history);
            leftOn = status.isActive() ? null : leftOn;
            leavingGround = status.isActive() ? null : leavingGround;
            return this;
        }

        Builder left(EventEnvelope event, String ground) {
            leftOn = event.effectiveDate();
            leavingGround = ground == null ? event.type() : event.type() + ":" + ground;
            inTransit = null;
            temporaryStay = null;
            // a removal or letting go decides the case under review; any other ending leaves nothing to decide
            openReviews.clear();
            return this;
        }

        Builder reviewOpened(MemberState.Review review) {
            openReviews.add(review);
            reviewBases.add(review.basis());
            return this;
        }

        Builder reviewClosed(chibo.contracts.member.ReviewKind kind, String basis) {
            openReviews.removeIf(review -> review.kind() == kind && review.basis().equals(basis));
            return this;
        }

        Builder swornIn(java.time.LocalDate on, java.time.LocalDate probationEnds) {
            swornInOn = on;
            probationEndsOn = probationEnds;
            return this;
        }

        Builder officialFrom(java.time.LocalDate from) {
            officialFrom = from;
            return this;
        }

        Builder partyCardNumber(String number) {
            if (number != null) {
                partyCardNumber = number;
            }
            return this;
        }

        Builder cell(String newCellId) {
            cellId = newCellId;
            return this;
        }

        Builder inTransit(MemberState.Transit transit) {
            inTransit = transit;
            return this;
        }

        Builder temporaryStay(MemberState.TemporaryStay stay) {
            temporaryStay = stay;
            return this;
        }

        Builder residenceLiaison(String cell) {
            residenceLiaisonCellId = cell;
            return this;
        }

        Builder exempted(boolean value) {
            exempted = value;
            return this;
        }

        Builder disciplinedIn(int year) {
            unremediedDisciplineYears.add(year);
            return this;
        }

        Builder rated(int year, chibo.contracts.member.RatingLevel level) {
            ratings.put(year, level);
            return this;
        }

        MemberState build() {
            return new MemberState(s.id(), person, status, cellId, s.admittedOn(), s.firstAdmittedOn(),
                    swornInOn, probationEndsOn, officialFrom, partyCardNumber, s.enrolledFromRegister(), exempted,
                    inTransit, temporaryStay, residenceLiaisonCellId, s.previousMemberId(), s.previousLeftOn(), leftOn,
                    leavingGround, ratings, unremediedDisciplineYears, statusHistory, openReviews, reviewBases,
                    s.timeline(), residences);
        }
    }
}
