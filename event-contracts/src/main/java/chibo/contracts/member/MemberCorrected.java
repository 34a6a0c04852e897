package chibo.contracts.member;

import java.util.UUID;

/** Compensates an earlier event of the same member; history itself is never changed. */
public record MemberCorrected(UUID correctedEventId, long correctedSeq, String correctedType, CorrectionKind kind,
                              String reason) implements MemberEvent {
}
