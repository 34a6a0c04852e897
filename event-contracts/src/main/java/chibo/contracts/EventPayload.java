package chibo.contracts;

/**
 * The data of one event: an immutable record named as a past-tense fact. Its wire name (for example
 * {@code member.admitted.v1}) comes from {@link EventCatalog}, never from the class name. The payloads of each
 * aggregate form a sealed family: {@code OrganizationEvent}, {@code MemberEvent}, {@code MeetingEvent}.
 */
public interface EventPayload {
}
