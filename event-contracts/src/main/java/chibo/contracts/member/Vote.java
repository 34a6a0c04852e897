package chibo.contracts.member;

/**
 * A cell's vote on a member. The base for the 2/3 rule is the official members minus those temporarily
 * transferred elsewhere and exempted members not present (QĐ 294-QĐ/TW point 9.3.2).
 */
public record Vote(int officialMembers, int temporarilyTransferredOut, int exemptedAbsent, int inFavour) {

    public int base() {
        return officialMembers - temporarilyTransferredOut - exemptedAbsent;
    }
}
