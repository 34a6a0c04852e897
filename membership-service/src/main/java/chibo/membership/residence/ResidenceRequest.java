package chibo.membership.residence;

import chibo.membership.member.DecisionRequest;
import chibo.membership.rules.Ids;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Map;

/**
 * The member moved on {@code effectiveDate}: to unit {@code residenceUnitId} as organisation {@code unitOrgId}
 * registered it (its {@code /organizations/{id}/units}), or, with neither, out of every unit chibo registers.
 */
public record ResidenceRequest(
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String residenceUnitId,
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String unitOrgId,
        @NotNull LocalDate effectiveDate,
        @Size(max = 64) String decisionNumber,
        String decidingOrgId) implements DecisionRequest {

    public LocalDate decisionDate() {
        return effectiveDate;
    }

    public Map<String, String> fieldNames() {
        return Map.of("effectiveDate", "effectiveDate");
    }
}
