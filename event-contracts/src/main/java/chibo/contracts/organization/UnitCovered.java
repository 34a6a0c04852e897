package chibo.contracts.organization;

/** A cell now covers the unit. Subject: the organisation that registered the unit. */
public record UnitCovered(String unitId, String cellId) implements OrganizationEvent {
}
