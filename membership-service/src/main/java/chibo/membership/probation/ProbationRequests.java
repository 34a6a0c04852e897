package chibo.membership.probation;

import chibo.membership.member.DecisionRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the probation endpoints. */
public final class ProbationRequests {

    private ProbationRequests() {
    }

    /**
     * The admission ceremony (lễ kết nạp), held by the member's cell.
     *
     * @param decisionReceivedOn when the cell received the admission decision; the decision's date when absent
     */
    public record SwearingIn(@NotNull LocalDate ceremonyDate, LocalDate decisionReceivedOn) implements DecisionRequest {
        public java.util.Map<String, String> fieldNames() {
            return java.util.Map.of("effectiveDate", "ceremonyDate");
        }

        public LocalDate decisionDate() {
            return ceremonyDate;
        }

        public String decisionNumber() {
            return null;
        }

        public String decidingOrgId() {
            return null;
        }
    }

    /** Recognition as an official member (công nhận đảng viên chính thức). */
    public record Recognition(@NotNull LocalDate cellResolutionDate, @NotNull LocalDate decisionDate,
                              @NotBlank @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId,
                              @Size(max = 32) String partyCardNumber) implements DecisionRequest {
    }

    /** Probation not passed: the member is removed from the rolls. */
    public record Failure(@NotNull LocalDate cellResolutionDate, @NotNull LocalDate decisionDate,
                          @NotBlank @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId,
                          @NotBlank @Size(max = 1000) String reason) implements DecisionRequest {
    }
}
