package chibo.meeting.roster;

import chibo.contracts.EventEnvelope;
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
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;

/**
 * What meeting-service knows of a member: the cell they attend, whether they are active, exempted (need not
 * attend) or temporarily at another cell. {@code previousStatus} lets an upheld appeal restore the status.
 */
public record RosterMember(String memberId, String fullName, String cellId, MemberStatus status,
                           MemberStatus previousStatus, long statusSeq, boolean exempted,
                           String temporaryHostCellId) {

    public boolean isActive() {
        return status.isActive();
    }

    public static RosterMember apply(RosterMember m, EventEnvelope event) {
        if (!(event.payload() instanceof MemberEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not a member event");
        }
        return switch (payload) {
            case MemberAdmitted e -> new RosterMember(event.subject(), e.person().fullName(), e.cellId(),
                    MemberStatus.PROBATIONARY, null, event.seq(), false, null);
            case MemberReadmitted e -> new RosterMember(event.subject(), e.person().fullName(), e.cellId(),
                    MemberStatus.PROBATIONARY, null, event.seq(), false, null);
            case MemberEnrolledFromRegister e -> new RosterMember(event.subject(), e.person().fullName(),
                    e.cellId(), e.status(), null, event.seq(), e.exempted(), null);
            case MemberRecognized e -> m.withStatus(MemberStatus.OFFICIAL, event);
            case MemberProbationFailed e -> m.withStatus(MemberStatus.REMOVED, event);
            case MemberRemoved e -> m.withStatus(MemberStatus.REMOVED, event);
            case MemberLetGo e -> m.withStatus(MemberStatus.LET_GO, event);
            case MemberExpelled e -> m.withStatus(MemberStatus.EXPELLED, event);
            case MemberDeceased e -> m.withStatus(MemberStatus.DECEASED, event);
            case MemberTransferReceived e -> new RosterMember(m.memberId(), m.fullName(), e.cellId(), m.status(),
                    m.previousStatus(), m.statusSeq(), m.exempted(), m.temporaryHostCellId());
            case MemberExempted e -> new RosterMember(m.memberId(), m.fullName(), m.cellId(), m.status(),
                    m.previousStatus(), m.statusSeq(), true, m.temporaryHostCellId());
            case MemberTemporaryTransferStarted e -> new RosterMember(m.memberId(), m.fullName(), m.cellId(),
                    m.status(), m.previousStatus(), m.statusSeq(), m.exempted(), e.hostCellId());
            case MemberTemporaryTransferEnded e -> new RosterMember(m.memberId(), m.fullName(), m.cellId(),
                    m.status(), m.previousStatus(), m.statusSeq(), m.exempted(), null);
            case MemberCorrected e when e.correctedSeq() == m.statusSeq() && m.previousStatus() != null ->
                    new RosterMember(m.memberId(), m.fullName(), m.cellId(), m.previousStatus(), null,
                            event.seq(), m.exempted(), m.temporaryHostCellId());
            default -> m;
        };
    }

    private RosterMember withStatus(MemberStatus newStatus, EventEnvelope event) {
        return new RosterMember(memberId, fullName, cellId, newStatus, status, event.seq(), exempted,
                temporaryHostCellId);
    }
}
