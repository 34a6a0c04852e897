package chibo.meeting.roster;

/** Whether a member on a cell's roster must be in a meeting's attendance list. */
public enum Presence {
    /** Must attend: counted in the attendance rate, an absence is excused or not. */
    EXPECTED,
    /** May attend, need not: exempted members, and members temporarily at another cell. */
    OPTIONAL
}
