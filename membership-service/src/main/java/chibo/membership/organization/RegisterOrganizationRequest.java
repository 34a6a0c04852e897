package chibo.membership.organization;

import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * @param id             the organisation's code; generated when absent
 * @param parentId       the organisation it answers to; absent only for the central root
 * @param effectiveDate  the date of the founding decision; today (Vietnam time) when absent
 * @param decisionNumber the founding decision's number, if any
 */
public record RegisterOrganizationRequest(
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrgLevel level,
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String parentId,
        LocalDate effectiveDate,
        @Size(max = 64) String decisionNumber) {
}
