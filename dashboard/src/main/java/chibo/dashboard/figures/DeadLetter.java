package chibo.dashboard.figures;

import java.util.List;
import java.util.Map;

/**
 * A record the live figures could not fold, parked by reporting-service on its input topic's dead-letter topic: where
 * it lies, why it was parked, what it carried, and how often an operator has re-driven it.
 */
public record DeadLetter(String topic, int partition, long offset, String key, String reason,
                         Map<String, String> headers, String body, int redriven, List<Object> redrives) {

    /** The input topics reporting-service folds, each with its own dead letters. */
    public static final List<String> TOPICS = List.of("party.organization.events", "party.membership.events",
            "party.meeting.events");

    /** As many as reporting-service lists at once. */
    static final int MOST_LISTED = 500;

    /** The CloudEvents type the record claimed, if any. */
    public String type() {
        return headers == null ? null : headers.get("ce_type");
    }
}
