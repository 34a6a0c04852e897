package chibo.contracts.organization;

/**
 * The organisation ceased to exist. {@code successorId} names the organisation it was merged into, if any: its
 * members and children then belong to the successor's line.
 */
public record OrganizationDissolved(String reason, String successorId) implements OrganizationEvent {
}
