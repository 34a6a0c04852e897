package chibo.testsupport;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.HashChain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Seals events as a producing service would: each subject's events numbered from 1 and hash-chained. */
public final class EventChains {

    private final String source;
    private final Map<String, EventEnvelope> last = new HashMap<>();

    public EventChains(String source) {
        this.source = source;
    }

    public EventEnvelope next(String subject, LocalDate effectiveDate, String actingOrg, EventPayload payload) {
        return next(subject, effectiveDate, actingOrg, payload, Instant.now());
    }

    public EventEnvelope next(String subject, LocalDate effectiveDate, String actingOrg, EventPayload payload,
                              Instant recordedAt) {
        EventEnvelope previous = last.get(subject);
        EventEnvelope event = HashChain.seal(new EventDraft(subject, effectiveDate, actingOrg, null,
                        UUID.randomUUID(), null, payload), source, previous == null ? 1 : previous.seq() + 1,
                previous == null ? HashChain.GENESIS : previous.hash(), UUID.randomUUID(), recordedAt);
        last.put(subject, event);
        return event;
    }
}
