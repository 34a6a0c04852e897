package chibo.contracts.member;

/** A working member keeps in touch with the cell where they live (QĐ 213-QĐ/TW); not a transfer. */
public record MemberResidenceLiaisonRegistered(String residenceCellId, LiaisonCategory category)
        implements MemberEvent {
}
