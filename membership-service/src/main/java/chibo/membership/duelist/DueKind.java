package chibo.membership.duelist;

/** What an agency must see to in time. */
public enum DueKind {
    /** Admitted, the ceremony not yet held: within 30 working days of the cell receiving the decision. */
    AWAITING_CEREMONY,
    /** Probation ends; the cell considers recognition within 30 working days after. */
    PROBATION_ENDING,
    /** Transferred, not yet received: papers within 30 working days of the introduction. */
    IN_TRANSIT,
    /** Left the party; may be considered for readmission once the waiting period is over. */
    READMISSION_WAITING,
    /** Unexcused absences reached the threshold: the cell considers removal from the rolls. */
    REMOVAL_REVIEW,
    /** Two years running rated "không hoàn thành nhiệm vụ": the cell considers letting the member go. */
    LET_GO_REVIEW
}
