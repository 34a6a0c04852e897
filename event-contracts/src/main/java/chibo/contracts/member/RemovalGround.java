package chibo.contracts.member;

/** Grounds for xóa tên (Party Charter art. 8, QĐ 24-QĐ/TW point 8.1). */
public enum RemovalGround {
    /** Absent from meetings or not paying dues for 3 months in a year without good reason. */
    ABSENT_OR_UNPAID_THREE_MONTHS,
    /** Returned or destroyed the party card. */
    CARD_RETURNED_OR_DESTROYED,
    /** No progress after 12 months of the cell's help. */
    NO_PROGRESS_AFTER_HELP,
    /** Violated the standards of membership two years running. */
    STANDARDS_VIOLATED_TWO_YEARS,
    /** Failed the political standard. */
    POLITICAL_STANDARD_FAILED
}
