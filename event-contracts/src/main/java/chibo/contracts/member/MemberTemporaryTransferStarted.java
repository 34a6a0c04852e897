package chibo.contracts.member;

import java.time.LocalDate;

/** Sinh hoạt tạm thời at {@code hostCellId} until {@code until}; the home cell keeps counting the member. */
public record MemberTemporaryTransferStarted(String hostCellId, TemporaryReason reason, LocalDate until)
        implements MemberEvent {
}
