package chibo.meeting.roster;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.meeting.roster.RosterFact.Kind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What meeting-service knows of a member: their name and the membership facts that place them on cell rosters,
 * by effective date, so that a cell's roster can be taken as of any day (a meeting recorded late is checked
 * against the roster of its own date).
 */
public record RosterMember(String memberId, String fullName, List<RosterFact> facts) {

    public RosterMember {
        facts = List.copyOf(facts);
    }

    public List<Stint> stints() {
        return RosterTimeline.stints(facts);
    }

    public static RosterMember apply(RosterMember member, EventEnvelope event) {
        if (!(event.payload() instanceof MemberEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not a member event");
        }
        LocalDate on = event.effectiveDate();
        return switch (payload) {
            case MemberAdmitted e -> start(event, e.person().fullName(), new RosterFact(event.seq(), on, Kind.JOINED,
                    e.cellId()));
            case MemberReadmitted e -> start(event, e.person().fullName(), new RosterFact(event.seq(), on,
                    Kind.JOINED, e.cellId()));
            case MemberEnrolledFromRegister e -> enrolled(event, e);
            case MemberProbationFailed e -> member.with(new RosterFact(event.seq(), on, Kind.LEFT, null));
            case MemberRemoved e -> member.with(new RosterFact(event.seq(), on, Kind.LEFT, null));
            case MemberLetGo e -> member.with(new RosterFact(event.seq(), on, Kind.LEFT, null));
            case MemberExpelled e -> member.with(new RosterFact(event.seq(), on, Kind.LEFT, null));
            case MemberDeceased e -> member.with(new RosterFact(event.seq(), on, Kind.LEFT, null));
            case MemberTransferStarted e -> member.with(new RosterFact(event.seq(), on, Kind.TRANSFER_STARTED, null));
            case MemberTransferReceived e -> member.with(new RosterFact(event.seq(), on, Kind.TRANSFER_RECEIVED,
                    e.cellId()));
            case MemberTemporaryTransferStarted e -> member.with(new RosterFact(event.seq(), on,
                    Kind.TEMPORARY_STARTED, e.hostCellId()));
            case MemberTemporaryTransferEnded e -> member.with(new RosterFact(event.seq(), on, Kind.TEMPORARY_ENDED,
                    null));
            case MemberExempted e -> member.with(new RosterFact(event.seq(), on, Kind.EXEMPTED, null));
            case MemberCorrected e -> member.corrected(e);
            default -> member;
        };
    }

    private static RosterMember start(EventEnvelope event, String fullName, RosterFact joined) {
        return new RosterMember(event.subject(), fullName, List.of(joined));
    }

    /**
     * A member from an existing register is placed in their cell from their admission: the register does not say
     * since when they are in that cell, and meetings recorded late must still find them.
     */
    private static RosterMember enrolled(EventEnvelope event, MemberEnrolledFromRegister e) {
        List<RosterFact> facts = new ArrayList<>();
        LocalDate since = e.admittedOn() != null && e.admittedOn().isBefore(event.effectiveDate()) ? e.admittedOn()
                : event.effectiveDate();
        facts.add(new RosterFact(event.seq(), since, Kind.JOINED, e.cellId()));
        if (e.exempted()) {
            facts.add(new RosterFact(event.seq(), since, Kind.EXEMPTED, null));
        }
        if (!e.status().isActive()) {
            facts.add(new RosterFact(event.seq(), event.effectiveDate(), Kind.LEFT, null));
        }
        return new RosterMember(event.subject(), e.person().fullName(), facts);
    }

    private RosterMember with(RosterFact fact) {
        List<RosterFact> next = new ArrayList<>(facts);
        next.add(fact);
        return new RosterMember(memberId, fullName, next);
    }

    /**
     * An upheld appeal against, or the annulment of, the decision that took the member off the rolls puts them
     * back, as membership-service restores their status; corrections of other events leave the roster as it is.
     */
    private RosterMember corrected(MemberCorrected e) {
        if (e.kind() != CorrectionKind.APPEAL_UPHELD && e.kind() != CorrectionKind.ANNULLED) {
            return this;
        }
        List<RosterFact> next = facts.stream()
                .filter(fact -> !(fact.seq() == e.correctedSeq() && fact.kind() == Kind.LEFT)).toList();
        return new RosterMember(memberId, fullName, next);
    }
}
