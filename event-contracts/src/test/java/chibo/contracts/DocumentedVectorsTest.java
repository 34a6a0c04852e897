package chibo.contracts;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of docs/event-integrity.md, recomputed from the page's own records with nothing but what the page
 * says: so the canonical form, the hash and the signature it documents stay the ones chibo makes and checks.
 */
class DocumentedVectorsTest {

    private static final Pattern VECTOR = Pattern.compile("<!-- vector ([a-z0-9 -]+) -->\\n```\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final String KEY_ID = "membership-service-test-vector";
    private static Map<String, String> vectors;

    @BeforeAll
    static void readThePage() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "event-integrity.md"));
        vectors = new LinkedHashMap<>();
        Matcher matcher = VECTOR.matcher(page);
        while (matcher.find()) {
            vectors.put(matcher.group(1), matcher.group(2));
        }
        assertThat(vectors).containsKeys("private-key", "public-key", "seq-1 headers", "seq-1 value",
                "seq-1 canonical", "seq-1 canonical-hex", "seq-2 headers", "seq-2 value", "seq-2 canonical",
                "seq-2 legacy-hash", "batch statement", "batch headers");
    }

    @ParameterizedTest(name = "seq {0}")
    @ValueSource(ints = {1, 2})
    void the_canonical_form_of_the_documented_record_is_the_documented_one_and_its_sha_256_is_its_ce_hash(int seq) {
        RecordHeaders headers = headers(seq);
        CloudEventsKafka.ReceivedEvent received = CloudEventsKafka.read(headers, value(seq));

        byte[] canonical = CanonicalForm.of(received.asSent(), value(seq));

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(vectors.get("seq-" + seq + " canonical"));
        assertThat(HashChain.sha256(canonical)).isEqualTo(header(headers, "ce_hash"));
        assertThat(received.hashIsIntact()).isTrue();
        assertThat(header(headers, "ce_time")).isEqualTo(CanonicalForm.time(received.recordedAt()))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void the_documented_bytes_in_hexadecimal_are_the_canonical_form() {
        byte[] hex = HexFormat.of().parseHex(vectors.get("seq-1 canonical-hex").replaceAll("\\s", ""));

        assertThat(new String(hex, StandardCharsets.UTF_8)).isEqualTo(vectors.get("seq-1 canonical"));
    }

    @Test
    void the_second_event_chains_to_the_first() {
        assertThat(header(headers(1), "ce_prevhash")).isEqualTo(HashChain.GENESIS);
        assertThat(header(headers(2), "ce_prevhash")).isEqualTo(header(headers(1), "ce_hash"));
    }

    @ParameterizedTest(name = "seq {0}")
    @ValueSource(ints = {1, 2})
    void the_documented_signature_is_the_test_keys_and_it_verifies_on_the_topic_the_key_may_write(int seq) {
        RecordHeaders headers = headers(seq);
        CloudEventsKafka.ReceivedEvent received = CloudEventsKafka.read(headers, value(seq));
        EventSigner signer = new EventSigner(KEY_ID, EventKeys.privateKey(vectors.get("private-key")));
        TrustedSigners trusted = new TrustedSigners(Map.of(KEY_ID, new TrustedSigners.TrustedKey(
                EventKeys.publicKey(vectors.get("public-key")), Set.of(Topics.ORGANIZATION))));

        String signature = signer.sign(CanonicalForm.signed(vectors.get("seq-" + seq + " canonical")
                .getBytes(StandardCharsets.UTF_8), header(headers, "ce_hash")));

        assertThat(signature).isEqualTo(header(headers, "ce_signature"));
        assertThat(header(headers, "ce_signer")).isEqualTo(KEY_ID);
        assertThat(trusted.check(Topics.ORGANIZATION, headers, received).holds()).isTrue();
        assertThat(trusted.check(Topics.MEMBERSHIP, headers, received).outcome())
                .isEqualTo(SignatureCheck.Outcome.SIGNER_NOT_ALLOWED_FOR_TOPIC);
    }

    @Test
    void the_documented_batch_of_the_two_records_is_what_chibo_signs_and_each_record_holds_with_its_proof() {
        Map<String, String> batch = new LinkedHashMap<>();
        for (String line : vectors.get("batch headers").split("\n")) {
            int colon = line.indexOf(": ");
            batch.put(line.substring(0, colon), line.substring(colon + 2));
        }
        EventSigner signer = new EventSigner(KEY_ID, EventKeys.privateKey(vectors.get("private-key")));
        TrustedSigners trusted = new TrustedSigners(Map.of(KEY_ID, new TrustedSigners.TrustedKey(
                EventKeys.publicKey(vectors.get("public-key")), Set.of(Topics.ORGANIZATION))));
        List<EventEnvelope> events = List.of(1, 2).stream()
                .map(seq -> CloudEventsKafka.read(headers(seq), value(seq)).asSent()).toList();

        var records = CloudEventsKafka.toRecords(events, signer);

        byte[] statement = vectors.get("batch statement").getBytes(StandardCharsets.UTF_8);
        assertThat(signer.sign(statement)).isEqualTo(batch.get("ce_signature"));
        for (int seq = 1; seq <= 2; seq++) {
            var record = records.get(seq - 1);
            assertThat(header(record.headers(), "ce_signature")).isEqualTo(batch.get("ce_signature"));
            assertThat(header(record.headers(), "ce_batchproof")).isEqualTo(batch.get("seq-" + seq + " ce_batchproof"));
            // the documented record, with the batch's headers in place of its own signature
            RecordHeaders documented = headers(seq);
            documented.remove("ce_signature");
            documented.add("ce_signature", batch.get("ce_signature").getBytes(StandardCharsets.UTF_8));
            documented.add("ce_batchproof", batch.get("seq-" + seq + " ce_batchproof").getBytes(StandardCharsets.UTF_8));
            BatchProof.Proof proof = BatchProof.parse(batch.get("seq-" + seq + " ce_batchproof"));
            byte[] signedMessage = CanonicalForm.signed(vectors.get("seq-" + seq + " canonical")
                    .getBytes(StandardCharsets.UTF_8), header(documented, "ce_hash"));

            assertThat(BatchProof.statement(proof.size(), proof.root(signedMessage))).isEqualTo(statement);
            assertThat(trusted.check(Topics.ORGANIZATION, documented, CloudEventsKafka.read(documented, value(seq)))
                    .holds()).isTrue();
        }
    }

    @Test
    void the_documented_legacy_hash_is_what_the_older_time_form_gives_and_it_still_verifies() {
        RecordHeaders headers = headers(2);
        EventEnvelope recorded = CloudEventsKafka.read(headers, value(2)).asSent();
        String legacyHash = vectors.get("seq-2 legacy-hash");
        String legacyCanonical = vectors.get("seq-2 canonical").replace("\n2025-09-02T09:05:07.000Z\n",
                "\n2025-09-02T09:05:07Z\n");
        EventEnvelope hashedTheOldWay = new EventEnvelope(recorded.id(), recorded.type(), recorded.source(),
                recorded.subject(), recorded.seq(), recorded.effectiveDate(), recorded.recordedAt(),
                recorded.actingOrg(), recorded.decisionNumber(), recorded.correlationId(), recorded.causationId(),
                recorded.previousHash(), legacyHash, recorded.payload());

        assertThat(HashChain.sha256(legacyCanonical.getBytes(StandardCharsets.UTF_8))).isEqualTo(legacyHash);
        assertThat(HashChain.holds(hashedTheOldWay, vectors.get("seq-2 value"))).isTrue();
    }

    private static RecordHeaders headers(int seq) {
        RecordHeaders headers = new RecordHeaders();
        for (String line : vectors.get("seq-" + seq + " headers").split("\n")) {
            int colon = line.indexOf(": ");
            headers.add(line.substring(0, colon), line.substring(colon + 2).getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static byte[] value(int seq) {
        return vectors.get("seq-" + seq + " value").getBytes(StandardCharsets.UTF_8);
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
