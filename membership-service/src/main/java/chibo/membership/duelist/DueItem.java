package chibo.membership.duelist;

import java.time.LocalDate;

/**
 * One thing due about one member: from when ({@code since}), by when ({@code deadline}; for a readmission, the day
 * the waiting period ends).
 */
public record DueItem(String memberId, String fullName, DueKind kind, LocalDate since, LocalDate deadline) {
}
