package chibo.membership.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A member who introduces an applicant for admission or readmission, and since when they worked together. */
public record IntroducerRequest(@NotBlank String memberId, @NotNull LocalDate workedWithSince) {
}
