package chibo.contracts.meeting;

/** Tốt / Khá / Trung bình / Kém, from a per-province point scale. */
public enum MeetingGrade {
    GOOD, FAIR, AVERAGE, POOR
}
