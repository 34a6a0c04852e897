package chibo.membership.readmission;

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
 * A readmission (kết nạp lại): a new membership under a new id, linked to the one that ended.
 *
 * @param provincialConsentNumber the provincial standing committee's written consent
 * @param convictionExpungedOn    when a less-serious conviction was expunged, if there was one
 */
public record ReadmissionRequest(
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String memberId,
        @NotBlank String previousMemberId,
        @NotNull @Valid PersonRequest person,
        @NotBlank String cellId,
        @NotNull LocalDate cellResolutionDate,
        @NotNull @Valid VoteRequest vote,
        @NotNull @Size(max = 2) List<@Valid IntroducerRequest> introducers,
        boolean youthUnionIntroduced,
        @NotBlank @Size(max = 64) String provincialConsentNumber,
        LocalDate convictionExpungedOn,
        @Valid Declarations declarations,
        @NotNull LocalDate decisionDate,
        @NotBlank @Size(max = 64) String decisionNumber,
        @NotBlank String decidingOrgId) {

    /** What the application declares on the grounds that bar readmission for good; absent means none applies. */
    public record Declarations(boolean causedSeriousDisunity, boolean convictedOfCorruption,
                               boolean convictedOfSeriousCrime, boolean leftForExceptionalFamilyHardship) {
    }
}
