package chibo.contracts.organization;

/** A unit under the subject organisation (usually a commune-level committee) was recorded. */
public record UnitRegistered(String unitId, String name, UnitKind kind) implements OrganizationEvent {
}
