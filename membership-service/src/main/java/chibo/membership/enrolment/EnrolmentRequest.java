package chibo.membership.enrolment;

import chibo.contracts.member.MemberStatus;
import chibo.membership.member.PersonRequest;
import chibo.membership.rules.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A member taken over from an existing register (sổ đảng viên), with what the register says.
 *
 * @param register which register the record comes from
 */
public record EnrolmentRequest(
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String memberId,
        @NotNull @Valid PersonRequest person,
        @NotNull MemberStatus status,
        @NotBlank String cellId,
        @NotNull LocalDate admittedOn,
        LocalDate recognizedOn,
        @Size(max = 32) String partyCardNumber,
        boolean exempted,
        @NotBlank @Size(max = 200) String register) {
}
