package chibo.contracts.member;

import java.time.LocalDate;

/** An official member who vouches for an applicant, having worked with them since {@code workedWithSince}. */
public record Introducer(String memberId, LocalDate workedWithSince) {
}
