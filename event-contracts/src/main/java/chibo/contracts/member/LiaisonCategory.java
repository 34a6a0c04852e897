package chibo.contracts.member;

/** QĐ 213-QĐ/TW: army and police members, mobile workers and full-time students need no yearly comment. */
public enum LiaisonCategory {
    REGULAR, ARMY, POLICE, MOBILE_WORKER, FULL_TIME_STUDENT;

    public boolean needsYearlyComment() {
        return this == REGULAR;
    }
}
