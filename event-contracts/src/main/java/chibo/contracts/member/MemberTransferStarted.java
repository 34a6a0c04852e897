package chibo.contracts.member;

/**
 * Official transfer begun: the member is in transit from {@code fromCellId} to the receiving organisation
 * {@code toOrgId} (and cell, when known) until received.
 */
public record MemberTransferStarted(TransferKind kind, String fromCellId, String toOrgId, String toCellId,
                                    String reason) implements MemberEvent {
}
