package chibo.contracts.organization;

public record OrganizationRenamed(String name, String previousName) implements OrganizationEvent {
}
