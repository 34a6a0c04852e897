package chibo.membership.history;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One event of a subject's history, with when it happened in law and when chibo learnt it, and what caused it (an
 * event of another service, e.g. the meeting event that opened a review).
 */
public record HistoryEntry(long seq, UUID id, String type, LocalDate effectiveDate, Instant recordedAt,
                           String actingOrg, String decisionNumber, UUID correlationId, UUID causationId, String hash,
                           JsonNode data) {

    static HistoryEntry of(EventEnvelope e) {
        return new HistoryEntry(e.seq(), e.id(), e.type(), e.effectiveDate(), e.recordedAt(), e.actingOrg(),
                e.decisionNumber(), e.correlationId(), e.causationId(), e.hash(), EventJson.toTree(e.payload()));
    }
}
