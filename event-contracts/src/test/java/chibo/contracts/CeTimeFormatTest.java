package chibo.contracts;

import chibo.contracts.member.MemberExempted;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CeTimeFormatTest {

    @ParameterizedTest(name = "{0} travels as {1}")
    @CsvSource({
            "2025-03-10T08:15:30.123Z, 2025-03-10T08:15:30.123Z",
            "2025-03-10T08:15:30.120Z, 2025-03-10T08:15:30.120Z",
            "2025-03-10T08:15:30.100Z, 2025-03-10T08:15:30.100Z",
            "2025-03-10T08:15:30Z, 2025-03-10T08:15:30.000Z",
            "2025-03-10T08:15:00Z, 2025-03-10T08:15:00.000Z"})
    void ce_time_always_carries_three_digits_of_milliseconds(String recorded, String header) {
        EventEnvelope event = sealedAt(Instant.parse(recorded));

        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(event);

        assertThat(new String(record.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8))
                .isEqualTo(header);
        assertThat(CloudEventsKafka.read(record.headers(), record.value()).envelope()).isEqualTo(event);
    }

    @Test
    void the_hash_covers_the_time_exactly_as_ce_time_carries_it() {
        EventEnvelope event = sealedAt(Instant.parse("2025-03-10T08:15:30.100Z"));

        String canonical = new String(CanonicalForm.of(event, EventJson.canonical(event.payload())),
                StandardCharsets.UTF_8);

        assertThat(canonical.split("\n")[7]).isEqualTo("2025-03-10T08:15:30.100Z");
        assertThat(HashChain.sha256(canonical.getBytes(StandardCharsets.UTF_8))).isEqualTo(event.hash());
    }

    @Test
    void an_event_hashed_before_the_format_was_fixed_still_verifies_and_a_changed_one_does_not() {
        // Instant.toString() wrote a time on the whole second without milliseconds
        EventEnvelope fresh = sealedAt(Instant.parse("2025-03-10T08:15:30Z"));
        String payload = EventJson.canonical(fresh.payload());
        String legacyHash = HashChain.sha256(CanonicalForm.legacy(fresh, payload));
        EventEnvelope stored = withHash(fresh, legacyHash);
        // as its record travelled then: the library's shorter ce_time
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(stored);
        record.headers().remove("ce_time");
        record.headers().add("ce_time", "2025-03-10T08:15:30Z".getBytes(StandardCharsets.UTF_8));

        assertThat(legacyHash).isNotEqualTo(fresh.hash());
        assertThat(HashChain.holds(stored, payload)).isTrue();
        assertThat(CloudEventsKafka.read(record.headers(), record.value()).hashIsIntact()).isTrue();
        assertThat(HashChain.holds(withHash(fresh, "ab".repeat(32)), payload)).isFalse();
    }

    private static EventEnvelope sealedAt(Instant recorded) {
        return HashChain.seal(new EventDraft("m-1", java.time.LocalDate.of(2025, 3, 10), "TQ-1", null,
                UUID.randomUUID(), null, new MemberExempted("ill")), "/chibo/test", 1, HashChain.GENESIS,
                UUID.randomUUID(), recorded);
    }

    private static EventEnvelope withHash(EventEnvelope e, String hash) {
        return new EventEnvelope(e.id(), e.type(), e.source(), e.subject(), e.seq(), e.effectiveDate(),
                e.recordedAt(), e.actingOrg(), e.decisionNumber(), e.correlationId(), e.causationId(),
                e.previousHash(), hash, e.payload());
    }
}
