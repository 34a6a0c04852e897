package chibo.contracts.member;

import chibo.contracts.EventPayload;

/** Facts of one member's life in the party. Subject: the member's id. */
public sealed interface MemberEvent extends EventPayload permits
        MemberEnrolledFromRegister, MemberAdmitted, MemberSwornIn, MemberRecognized, MemberProbationFailed,
        MemberTransferStarted, MemberTransferReceived, MemberTemporaryTransferStarted, MemberTemporaryTransferEnded,
        MemberResidenceLiaisonRegistered, MemberResidenceChanged, MemberExempted, MemberDisciplined, MemberRemoved, MemberLetGo,
        MemberExpelled, MemberDeceased, MemberReadmitted, MemberRated, MemberReviewOpened, MemberReviewClosed,
        MemberCorrected {
}
