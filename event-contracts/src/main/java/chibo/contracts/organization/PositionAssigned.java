package chibo.contracts.organization;

/** Someone holds a key position in a unit; {@code memberId} is null when the holder is not a party member. */
public record PositionAssigned(String unitId, KeyPosition position, String holderName, String memberId)
        implements OrganizationEvent {
}
