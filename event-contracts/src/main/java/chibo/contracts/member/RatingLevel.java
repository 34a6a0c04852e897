package chibo.contracts.member;

/** Annual rating levels (QĐ 366-QĐ/TW, 2025). */
public enum RatingLevel {
    /** Hoàn thành xuất sắc nhiệm vụ: at least 90 points. */
    EXCELLENT,
    /** Hoàn thành tốt nhiệm vụ: 70 to under 90. */
    GOOD,
    /** Hoàn thành nhiệm vụ: 50 to under 70. */
    COMPLETED,
    /** Không hoàn thành nhiệm vụ: under 50, or a listed case. */
    NOT_COMPLETED;

    /**
     * The level the points give (QĐ 366-QĐ/TW, 2025): xuất sắc from 90, tốt from 70, hoàn thành from 50. A lower
     * level may still be decided in the cases the regulation lists.
     */
    public static RatingLevel forPoints(int points) {
        return points >= 90 ? EXCELLENT : points >= 70 ? GOOD : points >= 50 ? COMPLETED : NOT_COMPLETED;
    }
}
