package chibo.membership.leaving;

import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.RemovalGround;
import chibo.membership.member.DecisionRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the endpoints by which a membership ends. */
public final class LeavingRequests {

    private LeavingRequests() {
    }

    /** Xóa tên, on one of the Charter's grounds. */
    public record Removal(@NotNull RemovalGround ground, @Size(max = 1000) String details,
                          LocalDate cellResolutionDate, @NotNull LocalDate decisionDate,
                          @NotBlank @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId)
            implements DecisionRequest {
    }

    /** Cho ra khỏi Đảng. */
    public record LetGo(@NotNull LetGoGround ground, @Size(max = 1000) String details,
                        @NotNull LocalDate decisionDate, @NotBlank @Size(max = 64) String decisionNumber,
                        @NotBlank String decidingOrgId) implements DecisionRequest {
    }

    /** Khai trừ. */
    public record Expulsion(@NotBlank @Size(max = 1000) String reason, @NotNull LocalDate decisionDate,
                            @NotBlank @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId)
            implements DecisionRequest {
    }

    /** Recorded by the member's cell unless a committee is named. */
    public record Death(@NotNull LocalDate dateOfDeath, @Size(max = 1000) String note, String decidingOrgId)
            implements DecisionRequest {
        public java.util.Map<String, String> fieldNames() {
            return java.util.Map.of("effectiveDate", "dateOfDeath");
        }

        public LocalDate decisionDate() {
            return dateOfDeath;
        }

        public String decisionNumber() {
            return null;
        }
    }
}
