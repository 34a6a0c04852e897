package chibo.contracts.member;

/**
 * The member moved: from the effective date they live in unit {@code residenceUnitId} (a village or residential
 * group), registered by organisation {@code unitOrgId}. Both absent: the member no longer lives in a unit chibo
 * registers (moved out of the province's villages, say).
 */
public record MemberResidenceChanged(String residenceUnitId, String unitOrgId) implements MemberEvent {
}
