package chibo.contracts.meeting;

public enum AttendanceStatus {
    PRESENT, EXCUSED, UNEXCUSED
}
