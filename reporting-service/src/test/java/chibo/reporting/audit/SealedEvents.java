package chibo.reporting.audit;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.HashChain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seals events as a producing service would (seq from 1, hash-chained per subject), with the decision number and
 * recorded time a test chooses: history and "as reported" tests need both.
 */
final class SealedEvents {

    private final String source;
    private final Map<String, EventEnvelope> last = new HashMap<>();

    SealedEvents(String source) {
        this.source = source;
    }

    EventEnvelope next(String subject, LocalDate effectiveDate, String actingOrg, String decisionNumber,
                       Instant recordedAt, EventPayload payload) {
        EventEnvelope previous = last.get(subject);
        EventEnvelope event = HashChain.seal(new EventDraft(subject, effectiveDate, actingOrg, decisionNumber,
                        UUID.randomUUID(), null, payload), source, previous == null ? 1 : previous.seq() + 1,
                previous == null ? HashChain.GENESIS : previous.hash(), UUID.randomUUID(), recordedAt);
        last.put(subject, event);
        return event;
    }

    EventEnvelope next(String subject, LocalDate effectiveDate, String actingOrg, EventPayload payload) {
        return next(subject, effectiveDate, actingOrg, null, Instant.now(), payload);
    }
}
