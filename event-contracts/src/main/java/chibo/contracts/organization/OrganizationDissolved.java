package chibo.contracts.organization;

public record OrganizationDissolved(String reason) implements OrganizationEvent {
}
