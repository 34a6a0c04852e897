package chibo.reporting.audit;

import chibo.contracts.EventPayload;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberTransferReceived;

/** The cell a member belongs to: set by admission, enrolment and readmission, changed by a transfer received. */
final class MemberCell {

    private MemberCell() {
    }

    static String after(String before, EventPayload payload) {
        return switch (payload) {
            case MemberAdmitted e -> e.cellId();
            case MemberReadmitted e -> e.cellId();
            case MemberEnrolledFromRegister e -> e.cellId();
            case MemberTransferReceived e -> e.cellId();
            default -> before;
        };
    }
}
