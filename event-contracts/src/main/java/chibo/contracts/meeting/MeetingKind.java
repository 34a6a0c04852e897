package chibo.contracts.meeting;

public enum MeetingKind {
    /** Sinh hoạt thường kỳ: monthly. */
    REGULAR,
    /** Sinh hoạt chuyên đề: at least once a quarter. */
    THEMATIC,
    /** A thematic and a regular meeting held together: at least 120 minutes from 23/07/2025. */
    COMBINED
}
