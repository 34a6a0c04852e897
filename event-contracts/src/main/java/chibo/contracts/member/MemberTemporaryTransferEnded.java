package chibo.contracts.member;

public record MemberTemporaryTransferEnded(String hostCellId) implements MemberEvent {
}
