package chibo.contracts.meeting;

import java.time.LocalDate;

/** A conclusion of the meeting and who carries it out by when. */
public record Resolution(String text, String ownerMemberId, LocalDate dueBy) {
}
