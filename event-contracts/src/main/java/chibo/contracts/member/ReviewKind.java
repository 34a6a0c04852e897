package chibo.contracts.member;

/** What a review of a member considers; a human decides, the review only puts the case on the agenda. */
public enum ReviewKind {
    /**
     * Xóa tên: unexcused absence from meetings in three months of a year (Party Charter art. 8; QĐ 24-QĐ/TW
     * point 8.1, QĐ 294-QĐ/TW); opened when meeting-service reports the threshold.
     */
    REMOVAL,
    /**
     * Cho ra khỏi Đảng: rated "không hoàn thành nhiệm vụ" two years running (HD 02-HD/BTCTW 2021; QĐ 24-QĐ/TW
     * point 8.2); opened by the second rating.
     */
    LET_GO
}
