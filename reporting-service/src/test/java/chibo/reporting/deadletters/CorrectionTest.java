package chibo.reporting.deadletters;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.SignatureCheck;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRecognized;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import chibo.testsupport.EventChains;
import chibo.testsupport.TestEventKeys;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A re-drive corrects only what could not be read: given a dead letter whose body was cut off, what a correction
 * may and may not change, and that no input makes it fail other than with a problem naming the field.
 */
class CorrectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private final EventChains chains = new EventChains("/chibo/membership-service");
    private final EventEnvelope admittedBefore = chains.next("m-1", DAY.minusYears(1), "C-1",
            new MemberExempted("placeholder for seq 1"));
    private final EventEnvelope recognized = chains.next("m-1", DAY, "C-1", new MemberRecognized(DAY, null, null));
    private final ProducerRecord<String, byte[]> intact = CloudEventsKafka.toRecord(recognized);
    /** The dead letter: the record with its body cut off in transit, and the reason the consumer added. */
    private final Headers letterHeaders = withReason(intact.headers());
    private final byte[] cutOff = "{\"officialFrom\": \"2025-0".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_payload_correction_keeps_the_key_and_every_attribute_and_drops_the_reason() {
        Correction.Corrected corrected = payload().applyTo("m-1", letterHeaders, cutOff);

        assertThat(corrected.key()).isEqualTo("m-1");
        assertThat(corrected.event().envelope().subject()).isEqualTo("m-1");
        assertThat(corrected.event().envelope().seq()).isEqualTo(2);
        assertThat(corrected.event().wireType()).isEqualTo("member.recognized.v1");
        assertThat(corrected.event().envelope().payload()).isEqualTo(new MemberRecognized(DAY, null, null));
        assertThat(corrected.headers().lastHeader("x-exception-message")).isNull();
        assertThat(new String(corrected.value(), StandardCharsets.UTF_8)).contains("2025-03-01");
    }

    @Test
    void a_correction_that_changes_the_subject_is_refused_naming_the_header_and_the_rule() {
        FieldProblem problem = refusal(422, new Correction(body(), Map.of("ce_subject", "m-phantom")));

        assertThat(problem.field()).isEqualTo("headers.ce_subject");
        assertThat(problem.rule()).isEqualTo("subject-unchanged");
        assertThat(problem.message()).contains("m-1").contains("m-phantom");
    }

    @Test
    void a_dead_letter_whose_subject_header_differs_from_its_key_cannot_be_re_driven_as_either() {
        FieldProblem asKey = refusal(422, new Correction(body(), Map.of("ce_subject", "m-1")), "m-other");
        FieldProblem asHeader = refusal(422, payload(), "m-other");

        assertThat(asKey.rule()).isEqualTo("subject-unchanged");
        assertThat(asHeader.rule()).isEqualTo("subject-unchanged");
    }

    @Test
    void a_dead_letter_without_a_key_cannot_be_given_a_subject() {
        FieldProblem problem = refusal(422, payload(), null);

        assertThat(problem.field()).isEqualTo("headers.ce_subject");
        assertThat(problem.rule()).isEqualTo("subject-unchanged");
    }

    @Test
    void a_correction_that_changes_the_type_or_the_seq_is_refused() {
        FieldProblem type = refusal(422, new Correction(JSON.readTree("{\"reason\": \"tuổi cao\"}"),
                Map.of("ce_type", "member.exempted.v1")));
        FieldProblem seq = refusal(422, new Correction(body(), Map.of("ce_seq", "7")));

        assertThat(type.field()).isEqualTo("headers.ce_type");
        assertThat(type.rule()).isEqualTo("type-unchanged");
        assertThat(seq.field()).isEqualTo("headers.ce_seq");
        assertThat(seq.rule()).isEqualTo("seq-unchanged");
    }

    @Test
    void an_attribute_the_dead_letter_lacks_or_carries_without_a_value_may_be_supplied() {
        RecordHeaders headers = new RecordHeaders();
        letterHeaders.forEach(header -> {
            if (!header.key().equals("ce_effectivedate") && !header.key().equals("ce_actingorg")) {
                headers.add(header);
            }
        });
        headers.add("ce_actingorg", null);

        Correction.Corrected corrected = new Correction(null, Map.of("ce_effectivedate", DAY.toString(),
                "ce_actingorg", "C-1")).applyTo("m-1", headers, CloudEventsKafka.toRecord(recognized).value());

        assertThat(corrected.event().envelope().effectiveDate()).isEqualTo(DAY);
        assertThat(corrected.event().envelope().actingOrg()).isEqualTo("C-1");
    }

    @Test
    void a_dead_letter_with_a_header_without_a_value_is_refused_as_unreadable_not_failed() {
        RecordHeaders headers = new RecordHeaders();
        letterHeaders.forEach(header -> headers.add(header.key(), header.key().equals("ce_seq") ? null
                : header.value()));

        FieldProblem problem = refusal(422, payload(), "m-1", headers, cutOff);

        assertThat(problem.field()).isEqualTo("payload");
        assertThat(problem.rule()).isEqualTo("readable-event");
        assertThat(problem.message()).contains("ce_seq");
    }

    @Test
    void a_malformed_correction_is_a_400_naming_each_field() {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_type", null);
        headers.put("x-exception-message", "fine now");
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> new Correction(JSON.readTree("[1, 2]"), headers).applyTo("m-1", letterHeaders, cutOff));

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldProblem::field, FieldProblem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("payload", "json-object"),
                org.assertj.core.groups.Tuple.tuple("headers.ce_type", "not-null"),
                org.assertj.core.groups.Tuple.tuple("headers.x-exception-message", "cloudevents-attribute"));
    }

    @Test
    void a_dead_letter_without_a_body_needs_the_payload() {
        FieldProblem problem = refusal(422, Correction.none(), "m-1", letterHeaders, null);

        assertThat(problem.field()).isEqualTo("payload");
        assertThat(problem.rule()).isEqualTo("readable-event");
    }

    @Test
    void no_header_value_makes_the_correction_fail_other_than_with_a_problem() {
        for (String header : new String[]{"ce_id", "ce_source", "ce_time", "ce_specversion", "ce_effectivedate",
                "ce_correlationid", "ce_causationid", "content-type", "ce_prevhash"}) {
            for (String value : new String[]{"", " ", "not a value", "::", "2025-13-45T99:99:99Z", "\u0000"}) {
                ProblemException problem = catchThrowableOfType(ProblemException.class, () -> new Correction(body(),
                        Map.of(header, value)).applyTo("m-1", letterHeaders, cutOff));
                if (problem != null) {
                    assertThat(problem.status().value()).as(header + "=" + value).isIn(400, 422);
                    assertThat(problem.errors()).as(header + "=" + value).isNotEmpty();
                }
            }
        }
    }

    @Test
    void a_correction_may_restore_what_the_owner_signed_but_not_change_it_and_an_unsigned_letter_is_not_re_driven() {
        Headers signedLetter = withReason(TestEventKeys.signed(recognized).headers());
        Correction.Corrected restored = payload().applyTo("m-1", signedLetter, cutOff);
        Correction.Corrected changed = new Correction(JSON.readTree("{\"officialFrom\": \"" + DAY.plusDays(1)
                + "\"}"), null).applyTo("m-1", signedLetter, cutOff);
        Correction.Corrected unsigned = payload().applyTo("m-1", letterHeaders, cutOff);

        Correction.requireSigned(Topics.MEMBERSHIP, check(restored));
        FieldProblem changedRefused = notSigned(check(changed));
        FieldProblem unsignedRefused = notSigned(check(unsigned));

        assertThat(changedRefused.field()).isEqualTo("headers.ce_signature");
        assertThat(changedRefused.rule()).isEqualTo("bad-signature");
        assertThat(unsignedRefused.rule()).isEqualTo("unsigned");
        assertThat(unsignedRefused.message()).contains("owning service's API");
    }

    private static SignatureCheck check(Correction.Corrected corrected) {
        return TestEventKeys.trusted().check(Topics.MEMBERSHIP, corrected.headers(), corrected.event());
    }

    private static FieldProblem notSigned(SignatureCheck check) {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> Correction.requireSigned(Topics.MEMBERSHIP, check));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.type().toString()).isEqualTo("urn:chibo:problem:redrive-not-signed");
        assertThat(problem.errors()).hasSize(1);
        return problem.errors().getFirst();
    }

    private FieldProblem refusal(int status, Correction correction) {
        return refusal(status, correction, "m-1");
    }

    private FieldProblem refusal(int status, Correction correction, String key) {
        return refusal(status, correction, key, letterHeaders, cutOff);
    }

    private static FieldProblem refusal(int status, Correction correction, String key, Headers headers,
                                        byte[] value) {
        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> correction.applyTo(key, headers, value));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.errors()).hasSize(1);
        return problem.errors().getFirst();
    }

    private static Correction payload() {
        return new Correction(body(), null);
    }

    private static JsonNode body() {
        return JSON.readTree("{\"officialFrom\": \"" + DAY + "\"}");
    }

    private static Headers withReason(Headers headers) {
        RecordHeaders letter = new RecordHeaders(headers.toArray());
        letter.add("x-exception-message", "payload is not JSON".getBytes(StandardCharsets.UTF_8));
        return letter;
    }
}
