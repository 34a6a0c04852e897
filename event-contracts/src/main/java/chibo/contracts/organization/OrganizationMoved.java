package chibo.contracts.organization;

/** The organisation, with its whole subtree, now answers to a new parent. */
public record OrganizationMoved(String newParentId, String previousParentId) implements OrganizationEvent {
}
