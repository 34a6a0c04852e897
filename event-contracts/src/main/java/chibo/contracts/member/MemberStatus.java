package chibo.contracts.member;

/** Membership status. PROBATIONARY and OFFICIAL are active; the others are terminal for this membership. */
public enum MemberStatus {
    /** Đảng viên dự bị. */
    PROBATIONARY,
    /** Đảng viên chính thức. */
    OFFICIAL,
    /** Xóa tên. */
    REMOVED,
    /** Cho ra khỏi Đảng. */
    LET_GO,
    /** Khai trừ. */
    EXPELLED,
    DECEASED;

    public boolean isActive() {
        return this == PROBATIONARY || this == OFFICIAL;
    }
}
