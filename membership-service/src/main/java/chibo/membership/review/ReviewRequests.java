package chibo.membership.review;

import chibo.membership.member.DecisionRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the review endpoints. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /**
     * The cell considered the case and kept the member. {@code decidingOrgId} defaults to the member's cell, whose
     * resolution it usually is.
     */
    public record Closure(@NotBlank @Size(max = 1000) String reason, @NotNull LocalDate decisionDate,
                          @Size(max = 64) String decisionNumber, String decidingOrgId) implements DecisionRequest {
    }
}
