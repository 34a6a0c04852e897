package chibo.contracts.organization;

/** An organisation came into being under {@code parentId} (null only for the root). */
public record OrganizationRegistered(String name, OrgLevel level, String parentId) implements OrganizationEvent {
}
