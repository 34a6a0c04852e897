package chibo.reporting.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event of a history, as an auditor reads it: when it took effect in law and when chibo recorded it, who
 * acted and under which decision, what it says, its links in the chain, and where on Kafka it was read.
 *
 * @param id            the event's id
 * @param storageId     its id in the archive: {@code <subject>:<zero-padded seq>} within its stream
 * @param organizations whose history lists it
 * @param contentIntact whether its content matched its hash when it was read
 */
record HistoryEntry(String id, String storageId, String stream, String type, String subject, long seq,
                    LocalDate effectiveDate, Instant recordedAt, String actingOrg, String decisionNumber,
                    String correlationId, String causationId, List<String> organizations, JsonNode payload,
                    String previousHash, String hash, boolean contentIntact, KafkaPosition kafka) {

    record KafkaPosition(String topic, int partition, long offset) {
    }

    static HistoryEntry of(ArchivedEvent e) {
        return new HistoryEntry(e.eventId(), e.storageId(), e.stream().label(), e.type(), e.subject(), e.seq(),
                e.effectiveDate(), e.recordedAt(), e.actingOrg(), e.decisionNumber(), e.correlationId(),
                e.causationId(), e.organizations(), e.payloadTree(), e.previousHash(), e.hash(), e.contentIntact(),
                new KafkaPosition(e.topic(), e.partition(), e.offset()));
    }
}
