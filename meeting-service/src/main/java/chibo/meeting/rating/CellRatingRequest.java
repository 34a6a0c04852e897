package chibo.meeting.rating;

import chibo.contracts.member.RatingLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A cell's annual rating (QĐ 366-QĐ/TW): 100 points, the level they give, and whether the committee confers the
 * "Chi bộ 4 tốt" title.
 */
public record CellRatingRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull RatingLevel level,
                                @NotNull @Min(0) @Max(100) Integer points, boolean fourGoodTitle,
                                @NotNull LocalDate decisionDate, @NotBlank @Size(max = 64) String decisionNumber,
                                @NotBlank String decidingOrgId) {
}
