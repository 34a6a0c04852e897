package chibo.contracts.member;

public enum LetGoGround {
    /** The member asked to leave. */
    ASKED_TO_LEAVE,
    /** Screened out after two consecutive years rated "không hoàn thành nhiệm vụ" (HD 02-HD/BTCTW 2021). */
    SCREENED_OUT
}
