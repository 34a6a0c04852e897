package chibo.reporting;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.contracts.Topics;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.testsupport.Http;
import chibo.testsupport.TestEventKeys;
import chibo.testsupport.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record the topology cannot read lands in the dead-letter topic with its reason, holds up the member's later
 * events, and once re-driven corrected by the operator is applied exactly once — however often it is re-driven.
 * The auditor reads dead letters and each re-drive, and re-drives none.
 */
class DeadLetterRedriveTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void a_corrected_dead_letter_re_driven_twice_is_applied_once_and_releases_what_waited_for_it() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String cell = "DL-C-" + suffix;
        String member = "DL-m-" + suffix;
        String auditor = TestTokens.auditor();
        String operator = TestTokens.operator();
        LocalDate day = LocalDate.of(2024, 3, 1);
        publisher.publish(cell, day, cell, new OrganizationRegistered("Chi bộ", OrgLevel.CELL, null));
        publisher.publish(member, day, cell, new MemberAdmitted(new Person("Lò Văn Pọm", LocalDate.of(1990, 1, 1),
                Sex.MALE, "Thái", Education.COLLEGE, null), cell, null, new Vote(9, 0, 0, 9), List.of(), true, null));
        // seq 2 arrives broken: its JSON body was cut off in transit
        EventEnvelope recognized = publisher.next(member, day.plusYears(1), cell,
                new MemberRecognized(day.plusYears(1), null, null));
        ProducerRecord<String, byte[]> intact = TestEventKeys.signed(recognized);
        publisher.send(new ProducerRecord<>(intact.topic(), null, intact.key(),
                "{\"officialFrom\": \"2025-0".getBytes(StandardCharsets.UTF_8), intact.headers()));
        publisher.publish(member, day.plusYears(1).plusDays(2), cell, new MemberExempted("tuổi cao"));

        JsonNode letter = await().atMost(PATIENCE).until(() -> deadLetterOf(member, auditor),
                found -> found != null);
        assertThat(letter.get("reason").asString()).isNotBlank();
        assertThat(letter.get("headers").get("ce_type").asString()).isEqualTo("member.recognized.v1");
        // the cell has no figures (404) until reporting has seen it
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(counts(cell, auditor)
                .get("members").get("probationary").asLong()).isEqualTo(1));
        assertThat(counts(cell, auditor).get("members").get("exempted").asLong())
                .as("seq 3 waits for seq 2").isZero();

        String path = "/dead-letters/" + Topics.MEMBERSHIP + "/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/redrive";
        Map<String, Object> correction = Map.of("payload", Map.of("officialFrom", day.plusYears(1).toString()));
        Http.Response byAuditor = http.post(path, auditor, correction);
        assertThat(byAuditor.status()).as("the auditor changes nothing it audits").isEqualTo(403);
        assertThat(byAuditor.json().get("type").asString()).isEqualTo("urn:chibo:problem:forbidden");
        assertThat(deadLetterOf(member, auditor).get("redriven").asInt()).isZero();
        Http.Response phantom = http.post(path, operator, Map.of("payload", correction.get("payload"),
                "headers", Map.of("ce_subject", member + "-phantom")));
        assertThat(phantom.status()).as(phantom.body()).isEqualTo(422);
        assertThat(phantom.json().get("type").asString()).isEqualTo("urn:chibo:problem:redrive-changes-identity");
        assertThat(phantom.json().get("errors").get(0).get("field").asString()).isEqualTo("headers.ce_subject");
        assertThat(phantom.json().get("errors").get(0).get("rule").asString()).isEqualTo("subject-unchanged");

        Http.Response first = http.post(path, operator, correction);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Http.Response again = http.post(path, operator, correction);
        assertThat(again.status()).isEqualTo(202);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode members = counts(cell, auditor).get("members");
            assertThat(members.get("official").asLong()).isEqualTo(1);
            assertThat(members.get("exempted").asLong()).isEqualTo(1);
        });
        JsonNode counters = counts(cell, auditor).get("counters");
        assertThat(counters.get("flow.recognized").asLong()).isEqualTo(1);
        assertThat(counters.get("members").asLong()).as("no phantom member").isEqualTo(1);
        assertThat(http.get("/organizations/" + cell + "/counts", auditor).json().get("members").get("total")
                .asLong()).isEqualTo(1);
        JsonNode redriven = deadLetterOf(member, auditor);
        assertThat(redriven.get("redriven").asInt()).isEqualTo(2);
        assertThat(redriven.get("redrives")).hasSize(2);
        for (JsonNode redrive : redriven.get("redrives")) {
            assertThat(redrive.get("by").asString()).isEqualTo("operator");
            assertThat(redrive.get("at").asString()).isNotBlank();
            assertThat(redrive.get("before").asString()).matches("[0-9a-f]{64}");
            assertThat(redrive.get("after").asString()).matches("[0-9a-f]{64}").isNotEqualTo(
                    redrive.get("before").asString());
            assertThat(redrive.get("payload").asBoolean()).isTrue();
            assertThat(redrive.get("headers")).isEmpty();
        }
        assertThat(redriven.get("redrives").get(0).get("after").asString()).as("the same correction, the same record")
                .isEqualTo(redriven.get("redrives").get(1).get("after").asString());
    }

    @Test
    void a_correction_that_still_does_not_read_is_refused_and_unknown_letters_are_not_found() {
        String auditor = TestTokens.auditor();
        String operator = TestTokens.operator();
        String member = "DL-bad-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope admitted = publisher.next(member, LocalDate.of(2024, 1, 5), "x",
                new MemberAdmitted(new Person("A", null, Sex.FEMALE, "Kinh", null, null), "nowhere", null,
                        new Vote(3, 0, 0, 3), List.of(), true, null));
        ProducerRecord<String, byte[]> intact = TestEventKeys.signed(admitted);
        publisher.send(new ProducerRecord<>(intact.topic(), null, intact.key(), "not json".getBytes(
                StandardCharsets.UTF_8), intact.headers()));
        JsonNode letter = await().atMost(PATIENCE).until(() -> deadLetterOf(member, auditor), found -> found != null);
        String at = "/dead-letters/" + Topics.MEMBERSHIP + "/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong();
        String path = at + "/redrive";

        Http.Response still = http.post(path, operator, Map.of("headers", Map.of("ce_type", "member.no_such.v1")));
        assertThat(still.status()).isEqualTo(422);
        assertThat(still.json().get("errors").get(0).get("field").asString()).isEqualTo("headers");
        Http.Response otherType = http.post(path, operator, Map.of("payload", Map.of("reason", "tuổi cao"),
                "headers", Map.of("ce_type", "member.exempted.v1")));
        assertThat(otherType.status()).as(otherType.body()).isEqualTo(422);
        assertThat(otherType.json().get("errors").get(0).get("rule").asString()).isEqualTo("type-unchanged");
        JsonNode asAdmitted = EventJson.mapper().readTree(EventJson.toBytes(admitted.payload()));
        assertThat(http.post(path, operator, Map.of("payload", asAdmitted, "headers", Map.of("ce_seq", "5")))
                .json().get("errors").get(0).get("rule").asString()).isEqualTo("seq-unchanged");
        assertThat(deadLetterOf(member, auditor).get("redriven").asInt()).as("nothing refused was sent").isZero();

        assertThat(http.post("/dead-letters/" + Topics.MEMBERSHIP + "/0/999999999/redrive", operator, Map.of())
                .status()).isEqualTo(404);
        assertThat(http.get("/dead-letters/no.such.topic", auditor).status()).isEqualTo(404);
        assertThat(http.get("/dead-letters/" + Topics.MEMBERSHIP + "?limit=0", auditor).status()).isEqualTo(400);
        assertThat(http.get("/dead-letters/" + Topics.MEMBERSHIP, TestTokens.reader("TW")).status()).isEqualTo(403);
        assertThat(http.get("/dead-letters/" + Topics.MEMBERSHIP, operator).status()).isEqualTo(200);
    }

    @Test
    void no_request_to_re_drive_answers_500() {
        String operator = TestTokens.operator();
        String letters = "/dead-letters/" + Topics.MEMBERSHIP;
        java.util.HashMap<String, Object> nullHeader = new java.util.HashMap<>();
        nullHeader.put("ce_type", null);

        assertBadRequest(http.post(letters + "/0/0/redrive", operator, Map.of("headers", nullHeader)),
                "headers.ce_type", "not-null");
        assertBadRequest(http.post(letters + "/0/0/redrive", operator, Map.of("payload", "a string")),
                "payload", "json-object");
        assertBadRequest(http.post(letters + "/0/0/redrive", operator, Map.of("headers", Map.of("traceparent",
                "00-1-2-01"))), "headers.traceparent", "cloudevents-attribute");
        assertBadRequest(http.post(letters + "/abc/0/redrive", operator, Map.of()), "partition", "type");
        assertBadRequest(http.post(letters + "/0/-1/redrive", operator, Map.of()), "offset", "range");
        assertBadRequest(http.post(letters + "/-1/0/redrive", operator, Map.of()), "partition", "range");
        assertBadRequest(http.send("POST", letters + "/0/0/redrive", operator, "{\"headers\": [1]}",
                Map.of("Content-Type", "application/json")), "headers", "type");
        Http.Response unparsable = http.send("POST", letters + "/0/0/redrive", operator, "{\"payload\": ",
                Map.of("Content-Type", "application/json"));
        assertThat(unparsable.status()).as(unparsable.body()).isEqualTo(400);
        // who may not re-drive learns nothing of what would be wrong with the request
        Http.Response byAuditor = http.post(letters + "/abc/0/redrive", TestTokens.auditor(),
                Map.of("headers", nullHeader));
        assertThat(byAuditor.status()).as(byAuditor.body()).isEqualTo(403);
        assertThat(byAuditor.json().has("errors")).isFalse();
    }

    private static void assertBadRequest(Http.Response response, String field, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo(rule);
    }

    private JsonNode deadLetterOf(String member, String auditor) {
        for (JsonNode letter : http.get("/dead-letters/" + Topics.MEMBERSHIP, auditor).json()) {
            if (member.equals(letter.get("key").asString())) {
                return letter;
            }
        }
        return null;
    }

    private JsonNode counts(String orgId, String auditor) {
        return http.get("/organizations/" + orgId + "/counts", auditor).json();
    }
}
