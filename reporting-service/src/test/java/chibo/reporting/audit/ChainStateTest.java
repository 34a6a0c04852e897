package chibo.reporting.audit;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.contracts.EventPayload;
import chibo.contracts.member.Education;
import chibo.testsupport.TestEventKeys;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain as read off Kafka, record after record: where it first stops holding together, and why. */
class ChainStateTest {

    private final SealedEvents events = new SealedEvents("/chibo/membership-service");
    private long offset;

    private EventEnvelope seal(EventPayload payload) {
        return events.next("m-1", LocalDate.parse("2024-01-10"), "C-1", payload);
    }

    private List<EventEnvelope> history(int count) {
        List<EventEnvelope> history = new ArrayList<>();
        history.add(seal(new MemberAdmitted(new Person("Nguyễn Văn A", LocalDate.parse("1990-01-01"), Sex.MALE,
                "Kinh", Education.UNIVERSITY, null), "C-1", null, new Vote(5, 0, 0, 5), List.of(), true, null)));
        history.add(seal(new MemberRecognized(LocalDate.parse("2025-01-10"), null, "123456")));
        while (history.size() < count) {
            history.add(seal(new MemberExpelled("vi phạm " + history.size())));
        }
        return history;
    }

    private final List<ChainRereader.Refused> refused = new ArrayList<>();

    private ConsumerRecord<String, byte[]> record(EventEnvelope event) {
        return record(TestEventKeys.signed(event));
    }

    private ChainState next(ChainState state, ConsumerRecord<String, byte[]> record) {
        return ChainRereader.next(state, record, TestEventKeys.trusted(), refused::add);
    }

    private ConsumerRecord<String, byte[]> record(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, offset++, 0L, org.apache.kafka.common.record.TimestampType
                .CREATE_TIME, 0, 0, sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()),
                Optional.empty());
    }

    /** The record as sealed, its payload changed afterwards: headers (and so the hash) as they were. */
    private ConsumerRecord<String, byte[]> tampered(EventEnvelope event, EventPayload changed) {
        ProducerRecord<String, byte[]> sealed = CloudEventsKafka.toRecord(event);
        return record(new ProducerRecord<>(sealed.topic(), null, sealed.key(), EventJson.toBytes(changed),
                sealed.headers()));
    }

    private ChainLink link(ConsumerRecord<String, byte[]> record) {
        return ChainLink.of(CloudEventsKafka.read(record.headers(), record.value()), record.partition(),
                record.offset());
    }

    private static ChainState fold(List<ChainLink> links) {
        ChainState state = ChainState.EMPTY;
        for (ChainLink link : links) {
            state = state.accept(link);
        }
        return state;
    }

    @Test
    void an_intact_chain_is_verified_through_its_last_seq() {
        ChainState state = fold(history(4).stream().map(this::record).map(this::link).toList());

        assertThat(state.intact()).isTrue();
        assertThat(state.verifiedThrough()).isEqualTo(4);
        assertThat(state.events()).isEqualTo(4);
        assertThat(state.brokenLinks()).isZero();
    }

    @Test
    void a_payload_changed_after_sealing_breaks_the_chain_at_its_seq_and_reading_carries_on() {
        List<EventEnvelope> history = history(4);
        List<ChainLink> links = new ArrayList<>();
        links.add(link(record(history.get(0))));
        links.add(link(record(history.get(1))));
        links.add(link(tampered(history.get(2), new MemberExpelled("lý do khác"))));
        links.add(link(record(history.get(3))));

        ChainState state = fold(links);

        assertThat(state.intact()).isFalse();
        assertThat(state.firstBroken().seq()).isEqualTo(3);
        assertThat(state.firstBroken().reason()).isEqualTo("hash-mismatch");
        assertThat(state.firstBroken().found()).isEqualTo(history.get(2).hash());
        assertThat(state.firstBroken().expected()).isNotEqualTo(history.get(2).hash());
        assertThat(state.firstBroken().offset()).isEqualTo(2L);
        assertThat(state.verifiedThrough()).isEqualTo(2);
        assertThat(state.lastSeq()).isEqualTo(4);
        assertThat(state.brokenLinks()).isEqualTo(1);
    }

    @Test
    void a_record_that_does_not_link_to_the_one_before_names_both_hashes() {
        List<EventEnvelope> history = history(3);
        SealedEvents forger = new SealedEvents("/chibo/membership-service");
        forger.next("m-1", LocalDate.parse("2024-01-10"), "C-1", new MemberExpelled("giả"));
        EventEnvelope forged = forger.next("m-1", LocalDate.parse("2024-01-10"), "C-1", new MemberExpelled("giả"));

        ChainState state = fold(List.of(link(record(history.get(0))), link(record(forged)),
                link(record(history.get(2)))));

        assertThat(state.firstBroken().seq()).isEqualTo(2);
        assertThat(state.firstBroken().reason()).isEqualTo("previous-hash-mismatch");
        assertThat(state.firstBroken().expected()).isEqualTo(history.get(0).hash());
        assertThat(state.firstBroken().found()).isEqualTo(forged.previousHash());
        assertThat(state.brokenLinks()).isEqualTo(2);
    }

    @Test
    void a_missing_seq_is_a_gap_at_the_first_seq_missing() {
        List<EventEnvelope> history = history(4);

        ChainState state = fold(List.of(link(record(history.get(0))), link(record(history.get(3)))));

        assertThat(state.firstBroken().seq()).isEqualTo(2);
        assertThat(state.firstBroken().reason()).isEqualTo("seq-gap");
        assertThat(state.firstBroken().found()).isEqualTo("4");
        assertThat(state.verifiedThrough()).isEqualTo(1);
    }

    @Test
    void the_lowest_broken_seq_stays_the_first_broken_link() {
        List<EventEnvelope> history = history(4);
        ChainState state = fold(List.of(link(record(history.get(0))), link(record(history.get(1))),
                link(record(history.get(3)))));
        assertThat(state.firstBroken().seq()).isEqualTo(3);

        ChainState later = state.conflicting(link(tampered(history.get(1), new MemberExpelled("x"))),
                history.get(1).hash());

        assertThat(later.firstBroken().seq()).isEqualTo(2);
        assertThat(later.firstBroken().reason()).isEqualTo("conflicting-record");
        assertThat(later.verifiedThrough()).isEqualTo(1);
        assertThat(later.brokenLinks()).isEqualTo(2);
    }

    @Test
    void reread_from_kafka_a_repeated_record_changes_nothing_and_other_content_under_the_same_seq_conflicts() {
        List<EventEnvelope> history = history(2);
        ChainState state = next(ChainState.EMPTY, record(history.get(0)));
        state = next(state, record(history.get(1)));

        assertThat(next(state, record(history.get(1)))).isEqualTo(state);
        SealedEvents forger = new SealedEvents("/chibo/membership-service");
        forger.next("m-1", LocalDate.parse("2024-01-10"), "C-1", new MemberExpelled("giả"));
        EventEnvelope otherSecond = forger.next("m-1", LocalDate.parse("2024-01-10"), "C-1",
                new MemberExpelled("giả"));
        ChainState conflicting = next(state, record(otherSecond));
        assertThat(conflicting.firstBroken().seq()).isEqualTo(2);
        assertThat(conflicting.firstBroken().reason()).isEqualTo("conflicting-record");
    }

    @Test
    void an_unreadable_record_breaks_the_chain_at_its_seq() {
        List<EventEnvelope> history = history(2);
        ChainState state = next(ChainState.EMPTY, record(history.get(0)));
        ProducerRecord<String, byte[]> sealed = TestEventKeys.signed(history.get(1));
        ConsumerRecord<String, byte[]> garbage = record(new ProducerRecord<>(sealed.topic(), null, sealed.key(),
                "not json".getBytes(), sealed.headers()));

        ChainState after = next(state, garbage);

        assertThat(after.firstBroken().seq()).isEqualTo(2);
        assertThat(after.firstBroken().reason()).isEqualTo("unreadable");
        assertThat(after.verifiedThrough()).isEqualTo(1);
    }

    @Test
    void reread_from_kafka_a_record_whose_signature_does_not_hold_takes_no_seq_and_is_reported_refused() {
        List<EventEnvelope> history = history(3);
        ChainState state = next(ChainState.EMPTY, record(history.get(0)));
        SealedEvents forger = new SealedEvents("/chibo/membership-service");
        forger.next("m-1", LocalDate.parse("2024-01-10"), "C-1", new MemberExpelled("giả"));
        EventEnvelope forged = forger.next("m-1", LocalDate.parse("2024-01-10"), "C-1", new MemberExpelled("giả"));

        ChainState afterForgeries = next(next(next(state, record(CloudEventsKafka.toRecord(forged))),
                record(TestEventKeys.STRANGER.sign(forged))), record(TestEventKeys.MEETING.sign(forged)));
        ChainState afterRealOnes = next(next(afterForgeries, record(history.get(1))), record(history.get(2)));

        assertThat(afterForgeries).isEqualTo(state);
        assertThat(refused).extracting(ChainRereader.Refused::reason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("unsigned:"),
                reason -> assertThat(reason).startsWith("bad-signature:"),
                reason -> assertThat(reason).startsWith("signer-not-allowed-for-topic:"));
        assertThat(refused).allSatisfy(record -> assertThat(record.seq()).isEqualTo(2));
        assertThat(afterRealOnes.intact()).isTrue();
        assertThat(afterRealOnes.verifiedThrough()).isEqualTo(3);
    }
}
