package chibo.membership.correction;

import chibo.contracts.member.CorrectionKind;
import chibo.membership.member.DecisionRequest;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A correction of one of the member's events: an annulment (recorded in error) or an upheld appeal.
 *
 * @param appealFiledOn      when the member appealed; required for an upheld appeal
 * @param decisionReceivedOn the day the member received the decision appealed against, when known: the appeal window
 *                           counts from it (otherwise from the decision's date)
 */
public record CorrectionRequest(@NotNull UUID correctedEventId, @NotNull @Min(1) Long correctedSeq,
                                @NotNull CorrectionKind kind, @NotBlank @Size(max = 1000) String reason,
                                LocalDate appealFiledOn, @NotNull LocalDate decisionDate,
                                @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId,
                                LocalDate decisionReceivedOn)
        implements DecisionRequest {
}
