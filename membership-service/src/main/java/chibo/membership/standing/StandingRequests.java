package chibo.membership.standing;

import chibo.contracts.member.DisciplineLevel;
import chibo.contracts.member.RatingLevel;
import chibo.membership.member.DecisionRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the exemption, discipline and rating endpoints. */
public final class StandingRequests {

    private StandingRequests() {
    }

    /** Miễn công tác và sinh hoạt đảng. */
    public record Exemption(@NotBlank @Size(max = 1000) String reason, @NotNull LocalDate decisionDate,
                            @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId)
            implements DecisionRequest {
    }

    /** {@code selfReportedAndRemedied}: the member found and fully remedied the fault themselves. */
    public record Discipline(@NotNull DisciplineLevel level, @NotBlank @Size(max = 1000) String reason,
                             boolean selfReportedAndRemedied, @NotNull LocalDate decisionDate,
                             @NotBlank @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId)
            implements DecisionRequest {
    }

    public record Rating(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull RatingLevel level,
                         @NotNull @Min(0) @Max(100) Integer points, @NotNull LocalDate decisionDate,
                         @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId)
            implements DecisionRequest {
    }

    /**
     * A grassroots organisation's ratings of its members for a year, decided together: one decision date, number
     * and committee for all.
     */
    public record RatingBatch(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull LocalDate decisionDate,
                              @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId,
                              @NotEmpty @Size(max = 5000) List<@NotNull @Valid Entry> ratings) {

        public record Entry(@NotBlank @Size(max = 64) String memberId, @NotNull RatingLevel level,
                            @NotNull @Min(0) @Max(100) Integer points) {
        }

        /** One entry as the rating of one member. */
        Rating rating(Entry entry) {
            return new Rating(year, entry.level(), entry.points(), decisionDate, decisionNumber, decidingOrgId);
        }
    }
}
