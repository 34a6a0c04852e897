package chibo.contracts.member;

/** The receiving cell took the member's papers: the member now belongs to {@code cellId}. */
public record MemberTransferReceived(String cellId) implements MemberEvent {
}
