package chibo.contracts;

import java.util.List;

/** Topic names. Each topic keeps its full history ({@code retention.ms=-1}); the key is the event's subject. */
public final class Topics {

    /** Organisations and units, keyed by orgId. */
    public static final String ORGANIZATION = "party.organization.events";
    /** Member lifecycle, keyed by memberId. */
    public static final String MEMBERSHIP = "party.membership.events";
    /** Cell meetings, ratings and breaches, keyed by cellId. */
    public static final String MEETING = "party.meeting.events";

    public static final List<String> ALL = List.of(ORGANIZATION, MEMBERSHIP, MEETING);

    private Topics() {
    }

    /** Where a consumer group parks records it cannot read, with the reason in the headers. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }
}
