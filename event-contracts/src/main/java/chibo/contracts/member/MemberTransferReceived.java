package chibo.contracts.member;

/**
 * The receiving cell took the member's papers: the member now belongs to {@code cellId}. A transfer to the place of
 * residence may also record where the member lives from then on, {@code residenceUnitId}, a unit registered in the
 * receiving cell's line; absent, the member's residence is unchanged (as in every receipt recorded before it existed).
 */
public record MemberTransferReceived(String cellId, String residenceUnitId) implements MemberEvent {

    /** A receipt that leaves the member's residence as it was. */
    public MemberTransferReceived(String cellId) {
        this(cellId, null);
    }
}
