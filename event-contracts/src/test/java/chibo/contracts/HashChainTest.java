package chibo.contracts;

import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.RatingLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    @Test
    void a_subjects_first_event_chains_to_genesis_and_each_later_one_to_its_predecessor() {
        EventEnvelope first = SampleEvents.sealed("m-1", 1, HashChain.GENESIS, new MemberExempted("ill"));
        EventEnvelope second = SampleEvents.sealed("m-1", 2, first.hash(), new MemberRated(2025, RatingLevel.GOOD, 75));

        assertThat(first.previousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(first.hash()).matches("[0-9a-f]{64}").isNotEqualTo(second.hash());
        assertThat(HashChain.expectedHash(first)).isEqualTo(first.hash());
        assertThat(HashChain.expectedHash(second)).isEqualTo(second.hash());
    }

    @Test
    void changing_any_field_changes_the_hash() {
        EventEnvelope original = SampleEvents.sealed("m-1", 1, HashChain.GENESIS, new MemberExempted("ill"));
        EventEnvelope otherPayload = withPayload(original, new MemberExempted("old age"));
        EventEnvelope otherSeq = new EventEnvelope(original.id(), original.type(), original.source(),
                original.subject(), 2, original.effectiveDate(), original.recordedAt(), original.actingOrg(),
                original.decisionNumber(), original.correlationId(), original.causationId(),
                original.previousHash(), original.hash(), original.payload());
        EventEnvelope otherDate = new EventEnvelope(original.id(), original.type(), original.source(),
                original.subject(), 1, original.effectiveDate().minusDays(1), original.recordedAt(),
                original.actingOrg(), original.decisionNumber(), original.correlationId(), original.causationId(),
                original.previousHash(), original.hash(), original.payload());
        EventEnvelope otherPrevious = new EventEnvelope(original.id(), original.type(), original.source(),
                original.subject(), 1, original.effectiveDate(), original.recordedAt(), original.actingOrg(),
                original.decisionNumber(), original.correlationId(), original.causationId(),
                "f".repeat(64), original.hash(), original.payload());

        assertThat(HashChain.expectedHash(otherPayload)).isNotEqualTo(original.hash());
        assertThat(HashChain.expectedHash(otherSeq)).isNotEqualTo(original.hash());
        assertThat(HashChain.expectedHash(otherDate)).isNotEqualTo(original.hash());
        assertThat(HashChain.expectedHash(otherPrevious)).isNotEqualTo(original.hash());
    }

    @Test
    void recorded_time_is_kept_to_the_millisecond_so_stores_do_not_break_the_chain() {
        EventEnvelope event = SampleEvents.sealed("m-1", 1, HashChain.GENESIS, new MemberExempted("ill"));

        assertThat(event.recordedAt()).isEqualTo(Instant.parse("2025-03-10T08:15:30.123Z"));
        assertThat(HashChain.expectedHash(event)).isEqualTo(event.hash());
    }

    @Test
    void storage_ids_sort_in_seq_order() {
        assertThat(EventEnvelope.storageId("m-1", 9)).isLessThan(EventEnvelope.storageId("m-1", 10));
        assertThat(EventEnvelope.storageId("m-1", 10)).isEqualTo("m-1:000000000010");
    }

    @Test
    void storage_ids_are_the_seq_in_twelve_digits_at_every_length() {
        assertThat(EventEnvelope.storageId("m-1", 1)).isEqualTo("m-1:000000000001");
        assertThat(EventEnvelope.storageId("m-1", 123_456_789_012L)).isEqualTo("m-1:123456789012");
        assertThat(EventEnvelope.storageId("m-1", 1_000_000_000_000L)).isEqualTo("m-1:1000000000000");
        for (long seq = 1; seq < 1_000_000_000_000L; seq *= 7) {
            assertThat(EventEnvelope.storageId("s", seq)).hasSize(14).endsWith(Long.toString(seq));
        }
    }

    private static EventEnvelope withPayload(EventEnvelope e, EventPayload payload) {
        return new EventEnvelope(e.id(), e.type(), e.source(), e.subject(), e.seq(), e.effectiveDate(),
                e.recordedAt(), e.actingOrg(), e.decisionNumber(), e.correlationId(), e.causationId(),
                e.previousHash(), e.hash(), payload);
    }
}
