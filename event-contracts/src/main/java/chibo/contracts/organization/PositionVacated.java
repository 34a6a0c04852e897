package chibo.contracts.organization;

public record PositionVacated(String unitId, KeyPosition position) implements OrganizationEvent {
}
