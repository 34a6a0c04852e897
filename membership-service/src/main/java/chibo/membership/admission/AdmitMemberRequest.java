package chibo.membership.admission;

import chibo.membership.member.IntroducerRequest;
import chibo.membership.member.PersonRequest;
import chibo.membership.member.VoteRequest;
import chibo.membership.rules.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * An admission decision (kết nạp) as the deciding committee's agency posts it.
 *
 * @param memberId       the member's number; generated when absent
 * @param decisionDate   the decision's date: the event's effective date
 * @param decidingOrgId  the committee that decided
 * @param specialCase    the committee used the special-case extension of its decision deadline
 * @param educationException the applicant's claim to the exception from the lower-secondary minimum, if any
 */
public record AdmitMemberRequest(
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String memberId,
        @NotNull @Valid PersonRequest person,
        @NotBlank String cellId,
        @NotNull LocalDate cellResolutionDate,
        @NotNull @Valid VoteRequest vote,
        @NotNull @Size(max = 2) List<@Valid IntroducerRequest> introducers,
        boolean youthUnionIntroduced,
        @Valid CertificateRequest awarenessCertificate,
        @NotNull LocalDate decisionDate,
        @NotBlank @Size(max = 64) String decisionNumber,
        @NotBlank String decidingOrgId,
        boolean specialCase,
        @Valid EducationException educationException) {

    public record CertificateRequest(@NotBlank String number, @NotNull LocalDate issuedOn) {
    }
}
