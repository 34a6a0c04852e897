package chibo.contracts.meeting;

/** A committee replaced the computed grade; both stay on record. */
public record GradeOverride(MeetingGrade computedGrade, String byOrgId, String reason) {
}
