package chibo.membership.organization;

import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.UnitKind;
import chibo.membership.rules.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the organisation endpoints. Effective dates default to today (Vietnam time). */
public final class OrganizationRequests {

    private OrganizationRequests() {
    }

    public record Rename(@NotBlank @Size(max = 200) String name, LocalDate effectiveDate,
                         @Size(max = 64) String decisionNumber) {
    }

    public record Move(@NotBlank String newParentId, LocalDate effectiveDate, @Size(max = 64) String decisionNumber) {
    }

    /** The organisations named are merged into this one. */
    public record Merge(@NotEmpty @Size(max = 100) List<@NotBlank String> sourceIds, LocalDate effectiveDate,
                        @Size(max = 64) String decisionNumber) {
    }

    public record Dissolution(@NotBlank @Size(max = 1000) String reason, LocalDate effectiveDate,
                              @Size(max = 64) String decisionNumber) {
    }

    public record RegisterUnit(@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String unitId,
                               @NotBlank @Size(max = 200) String name, @NotNull UnitKind kind,
                               LocalDate effectiveDate) {
    }

    public record CoverUnit(@NotBlank String cellId, LocalDate effectiveDate) {
    }

    /** {@code memberId} when the holder is a party member, else absent. */
    public record AssignPosition(@NotNull KeyPosition position, @NotBlank @Size(max = 200) String holderName,
                                 String memberId, LocalDate effectiveDate) {
    }

    public record VacatePosition(@NotNull KeyPosition position, LocalDate effectiveDate) {
    }
}
