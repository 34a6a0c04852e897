package chibo.contracts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as a command decides it, before the store gives it a seq, an id, a recorded time and its hash.
 */
public record EventDraft(
        String subject,
        LocalDate effectiveDate,
        String actingOrg,
        String decisionNumber,
        UUID correlationId,
        UUID causationId,
        EventPayload payload) {

    public EventDraft {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(actingOrg, "actingOrg");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(payload, "payload");
    }

    public String type() {
        return EventCatalog.typeOf(payload);
    }

    public String topic() {
        return EventCatalog.topicOf(payload);
    }
}
