package chibo.contracts;

import chibo.contracts.meeting.CellRated;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.RatingLevel;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSignaturesTest {

    private static final KeyPair MEMBERSHIP = EventKeys.generate();
    private static final KeyPair MEMBERSHIP_NEXT = EventKeys.generate();
    private static final KeyPair MEETING = EventKeys.generate();
    private static final KeyPair STRANGER = EventKeys.generate();

    private final EventSigner membership = new EventSigner("membership-1", MEMBERSHIP.getPrivate());
    private final TrustedSigners trusted = new TrustedSigners(Map.of(
            "membership-1", key(MEMBERSHIP, Topics.MEMBERSHIP, Topics.ORGANIZATION),
            "meeting-1", key(MEETING, Topics.MEETING)));

    private final EventEnvelope rated = SampleEvents.sealed("m-1", 2, "ab".repeat(32),
            new MemberRated(2025, RatingLevel.GOOD, 81));

    @Test
    void a_record_signed_by_a_key_allowed_on_its_topic_holds() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated, membership);

        SignatureCheck check = check(record);

        assertThat(check.holds()).isTrue();
        assertThat(check.signer()).isEqualTo("membership-1");
        assertThat(header(record.headers(), CloudEventsKafka.SIGNER_HEADER)).isEqualTo("membership-1");
    }

    @Test
    void signatures_are_plain_rfc_8032_ed25519_that_the_java_runtime_makes_and_checks_alike() throws Exception {
        Random random = new Random(8032);
        for (int i = 0; i < 50; i++) {
            byte[] message = new byte[random.nextInt(2000)];
            random.nextBytes(message);
            Signature runtime = Signature.getInstance("Ed25519");
            runtime.initSign(MEMBERSHIP.getPrivate());
            runtime.update(message);

            String signed = membership.sign(message);

            assertThat(signed).isEqualTo(Base64.getEncoder().encodeToString(runtime.sign()));
            runtime.initVerify(MEMBERSHIP.getPublic());
            runtime.update(message);
            assertThat(runtime.verify(Base64.getDecoder().decode(signed))).isTrue();
        }
    }

    @Test
    void a_key_that_is_not_ed25519_is_refused_when_configured_not_when_an_event_arrives() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

        assertThatThrownBy(() -> new EventSigner("membership-1", ed448.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Ed25519 private key");
        assertThatThrownBy(() -> new EventSigner("membership-1", ec.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("membership-1");
        assertThatThrownBy(() -> new TrustedSigners(Map.of("meeting-1",
                new TrustedSigners.TrustedKey(ed448.getPublic(), Set.of(Topics.MEETING)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meeting-1");
        assertThatThrownBy(() -> new TrustedSigners(Map.of("meeting-1",
                new TrustedSigners.TrustedKey(ec.getPublic(), Set.of(Topics.MEETING)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid Ed25519 public key");
    }

    @Test
    void an_unsigned_record_is_refused_as_unsigned() {
        SignatureCheck check = check(CloudEventsKafka.toRecord(rated));

        assertThat(check.outcome()).isEqualTo(SignatureCheck.Outcome.UNSIGNED);
        assertThat(check.reason()).startsWith("unsigned: ");
    }

    @Test
    void a_record_with_a_signer_but_no_signature_is_refused_as_unsigned() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated, membership);
        record.headers().remove(CloudEventsKafka.SIGNATURE_HEADER);

        assertThat(check(record).outcome()).isEqualTo(SignatureCheck.Outcome.UNSIGNED);
    }

    @Test
    void a_record_signed_with_an_unknown_key_is_refused_as_badly_signed() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated,
                new EventSigner("membership-1-copy", STRANGER.getPrivate()));

        SignatureCheck check = check(record);

        assertThat(check.outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(check.reason()).startsWith("bad-signature: ").contains("membership-1-copy");
    }

    @Test
    void a_forger_who_names_a_trusted_key_without_holding_it_is_refused() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated,
                new EventSigner("membership-1", STRANGER.getPrivate()));

        assertThat(check(record).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
    }

    @Test
    void a_service_key_used_on_another_services_topic_is_refused() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated,
                new EventSigner("meeting-1", MEETING.getPrivate()));

        SignatureCheck check = check(record);

        assertThat(check.outcome()).isEqualTo(SignatureCheck.Outcome.SIGNER_NOT_ALLOWED_FOR_TOPIC);
        assertThat(check.reason()).isEqualTo("signer-not-allowed-for-topic: key 'meeting-1' may not write "
                + Topics.MEMBERSHIP);
    }

    @Test
    void the_meeting_key_holds_on_the_meeting_topic() {
        EventEnvelope cellRated = SampleEvents.sealed("C-1", 1, HashChain.GENESIS,
                new CellRated(2025, RatingLevel.GOOD, 80, false));
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(cellRated,
                new EventSigner("meeting-1", MEETING.getPrivate()));

        assertThat(trusted.check(Topics.MEETING, record.headers(),
                CloudEventsKafka.read(record.headers(), record.value())).holds()).isTrue();
    }

    @Test
    void changing_the_payload_a_header_or_the_hash_after_signing_breaks_the_signature() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated, membership);
        byte[] otherPayload = new String(record.value(), StandardCharsets.UTF_8).replace("81", "95")
                .getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> otherSeq = withHeader(record, "ce_seq", "3");
        ProducerRecord<String, byte[]> otherHash = withHeader(record, "ce_hash", "cd".repeat(32));

        assertThat(trusted.check(Topics.MEMBERSHIP, record.headers(),
                CloudEventsKafka.read(record.headers(), otherPayload)).outcome())
                .isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(check(otherSeq).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(check(otherHash).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
    }

    @Test
    void a_signature_that_is_not_base64_or_not_64_bytes_is_a_bad_signature_not_a_failure() {
        assertThat(check(withHeader(CloudEventsKafka.toRecord(rated, membership), CloudEventsKafka.SIGNATURE_HEADER,
                "%%%")).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(check(withHeader(CloudEventsKafka.toRecord(rated, membership), CloudEventsKafka.SIGNATURE_HEADER,
                "AAAA")).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
    }

    @Test
    void a_payload_re_serialised_without_changing_it_still_holds() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated, membership);
        byte[] reformatted = EventJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(EventJson.mapper().readTree(record.value()));

        assertThat(new String(reformatted, StandardCharsets.UTF_8)).isNotEqualTo(
                new String(record.value(), StandardCharsets.UTF_8));
        assertThat(trusted.check(Topics.MEMBERSHIP, record.headers(),
                CloudEventsKafka.read(record.headers(), reformatted)).holds()).isTrue();
    }

    @Test
    void during_a_rotation_both_keys_of_a_service_hold_and_after_it_only_the_new_one() {
        EventSigner next = new EventSigner("membership-2", MEMBERSHIP_NEXT.getPrivate());
        TrustedSigners duringRotation = new TrustedSigners(Map.of(
                "membership-1", key(MEMBERSHIP, Topics.MEMBERSHIP),
                "membership-2", key(MEMBERSHIP_NEXT, Topics.MEMBERSHIP)));
        TrustedSigners afterRotation = new TrustedSigners(Map.of(
                "membership-2", key(MEMBERSHIP_NEXT, Topics.MEMBERSHIP)));
        ProducerRecord<String, byte[]> old = CloudEventsKafka.toRecord(rated, membership);
        ProducerRecord<String, byte[]> fresh = CloudEventsKafka.toRecord(rated, next);

        assertThat(check(duringRotation, old).holds()).isTrue();
        assertThat(check(duringRotation, fresh).holds()).isTrue();
        assertThat(check(afterRotation, fresh).holds()).isTrue();
        assertThat(check(afterRotation, old).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
    }

    @Test
    void reading_an_untrusted_record_throws_its_reason() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(rated);

        assertThatThrownBy(() -> trusted.read(Topics.MEMBERSHIP, record.headers(), record.value()))
                .isInstanceOf(UntrustedEventException.class).hasMessageStartingWith("unsigned: ");
        assertThat(trusted.read(Topics.MEMBERSHIP, CloudEventsKafka.toRecord(rated, membership).headers(),
                CloudEventsKafka.toRecord(rated, membership).value()).envelope()).isEqualTo(rated);
    }

    @Test
    void a_record_read_off_kafka_can_be_signed_again_by_the_owner_of_its_topic() {
        ProducerRecord<String, byte[]> unsigned = CloudEventsKafka.toRecord(rated);
        CloudEventsKafka.ReceivedEvent received = CloudEventsKafka.read(unsigned.headers(), unsigned.value());

        CloudEventsKafka.sign(unsigned.headers(), received, membership);

        assertThat(check(unsigned).holds()).isTrue();
    }

    @Test
    void events_published_together_share_one_signature_over_their_batch_and_each_holds_on_its_own() {
        List<EventEnvelope> events = ratings(BatchProof.MAX_BATCH + 3);

        List<ProducerRecord<String, byte[]>> records = CloudEventsKafka.toRecords(events, membership);

        assertThat(records).hasSize(events.size());
        assertThat(records.stream().map(r -> header(r.headers(), CloudEventsKafka.SIGNATURE_HEADER)).distinct())
                .as("one signature per batch of %d, and the three left over", BatchProof.MAX_BATCH).hasSize(2);
        for (int i = 0; i < records.size(); i++) {
            ProducerRecord<String, byte[]> record = records.get(i);
            assertThat(check(record).holds()).as("record %d", i).isTrue();
            assertThat(CloudEventsKafka.read(record.headers(), record.value()).envelope()).isEqualTo(events.get(i));
            assertThat(BatchProof.parse(header(record.headers(), BatchProof.HEADER)).size())
                    .isEqualTo(i < BatchProof.MAX_BATCH ? BatchProof.MAX_BATCH : 3);
        }
        // each record is checked on its own: in any order, by a consumer that has seen no other record of the batch
        assertThat(check(new TrustedSigners(Map.of("membership-1", key(MEMBERSHIP, Topics.MEMBERSHIP))),
                records.get(40)).holds()).isTrue();
    }

    @Test
    void a_batch_of_one_is_signed_as_a_single_event() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecords(List.of(rated), membership).getFirst();

        assertThat(record.headers().lastHeader(BatchProof.HEADER)).isNull();
        assertThat(header(record.headers(), CloudEventsKafka.SIGNATURE_HEADER)).isEqualTo(header(
                CloudEventsKafka.toRecord(rated, membership).headers(), CloudEventsKafka.SIGNATURE_HEADER));
        assertThat(check(record).holds()).isTrue();
    }

    @Test
    void a_record_changed_in_a_batch_is_refused_and_its_batch_mates_still_hold_after_it() {
        List<ProducerRecord<String, byte[]>> records = CloudEventsKafka.toRecords(ratings(5), membership);
        ProducerRecord<String, byte[]> changed = records.get(2);
        byte[] otherPayload = EventJson.toBytes(new MemberRated(2025, RatingLevel.EXCELLENT, 99));

        assertThat(trusted.check(Topics.MEMBERSHIP, changed.headers(),
                CloudEventsKafka.read(changed.headers(), otherPayload)).outcome())
                .isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(records).allSatisfy(record -> assertThat(check(record).holds()).isTrue());
    }

    @Test
    void a_batch_proof_moved_to_another_record_or_another_batch_or_made_up_is_refused() {
        List<ProducerRecord<String, byte[]>> first = CloudEventsKafka.toRecords(ratings(4), membership);
        List<ProducerRecord<String, byte[]>> second = CloudEventsKafka.toRecords(ratings(4), membership);
        assertThat(first).allSatisfy(record -> assertThat(check(record).holds()).isTrue());

        ProducerRecord<String, byte[]> otherPlace = withHeader(first.get(1), BatchProof.HEADER,
                header(first.get(2).headers(), BatchProof.HEADER));
        ProducerRecord<String, byte[]> otherBatch = withHeader(second.get(0), CloudEventsKafka.SIGNATURE_HEADER,
                header(first.get(0).headers(), CloudEventsKafka.SIGNATURE_HEADER));
        ProducerRecord<String, byte[]> noProof = first.get(3);
        noProof.headers().remove(BatchProof.HEADER);
        ProducerRecord<String, byte[]> madeUp = withHeader(second.get(1), BatchProof.HEADER, "1/4/AAAA");
        ProducerRecord<String, byte[]> aStrangersBatch = CloudEventsKafka.toRecords(ratings(3),
                new EventSigner("membership-1", STRANGER.getPrivate())).get(1);

        assertThat(check(otherPlace).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(check(otherBatch).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(check(noProof).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
        assertThat(check(madeUp).reason()).isEqualTo(
                "bad-signature: ce_batchproof is malformed: the hashes are not whole SHA-256 values");
        assertThat(check(aStrangersBatch).outcome()).isEqualTo(SignatureCheck.Outcome.BAD_SIGNATURE);
    }

    @Test
    void a_batch_record_signed_again_on_its_own_carries_no_proof_and_holds() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecords(ratings(3), membership).get(1);
        CloudEventsKafka.ReceivedEvent received = CloudEventsKafka.read(record.headers(), record.value());

        CloudEventsKafka.sign(record.headers(), received, membership);

        assertThat(record.headers().lastHeader(BatchProof.HEADER)).isNull();
        assertThat(check(record).holds()).isTrue();
    }

    private static List<EventEnvelope> ratings(int count) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(SampleEvents.sealed("m-" + i, 1, HashChain.GENESIS,
                    new MemberRated(2020 + i % 6, RatingLevel.GOOD, 60 + i % 40)));
        }
        return events;
    }

    private SignatureCheck check(ProducerRecord<String, byte[]> record) {
        return check(trusted, record);
    }

    private static SignatureCheck check(TrustedSigners signers, ProducerRecord<String, byte[]> record) {
        return signers.check(record.topic(), record.headers(), CloudEventsKafka.read(record.headers(),
                record.value()));
    }

    private static TrustedSigners.TrustedKey key(KeyPair pair, String... topics) {
        return new TrustedSigners.TrustedKey(pair.getPublic(), Set.of(topics));
    }

    private static ProducerRecord<String, byte[]> withHeader(ProducerRecord<String, byte[]> record, String name,
                                                             String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
