package chibo.contracts.meeting;

/** One member's attendance; {@code reason} explains an excused absence. */
public record Attendance(String memberId, AttendanceStatus status, String reason) {
}
