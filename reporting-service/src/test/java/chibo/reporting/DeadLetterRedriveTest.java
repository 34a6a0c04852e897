package chibo.reporting;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
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
 * events, and once re-driven corrected is applied exactly once — however often it is re-driven.
 */
class DeadLetterRedriveTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void a_corrected_dead_letter_re_driven_twice_is_applied_once_and_releases_what_waited_for_it() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String cell = "DL-C-" + suffix;
        String member = "DL-m-" + suffix;
        String auditor = TestTokens.auditor();
        LocalDate day = LocalDate.of(2024, 3, 1);
        publisher.publish(cell, day, cell, new OrganizationRegistered("Chi bộ", OrgLevel.CELL, null));
        publisher.publish(member, day, cell, new MemberAdmitted(new Person("Lò Văn Pọm", LocalDate.of(1990, 1, 1),
                Sex.MALE, "Thái", Education.COLLEGE, null), cell, null, new Vote(9, 0, 0, 9), List.of(), true, null));
        // seq 2 arrives broken: its JSON body was cut off in transit
        EventEnvelope recognized = publisher.next(member, day.plusYears(1), cell,
                new MemberRecognized(day.plusYears(1), null, null));
        ProducerRecord<String, byte[]> intact = CloudEventsKafka.toRecord(recognized);
        publisher.send(new ProducerRecord<>(intact.topic(), null, intact.key(),
                "{\"officialFrom\": \"2025-0".getBytes(StandardCharsets.UTF_8), intact.headers()));
        publisher.publish(member, day.plusYears(1).plusDays(2), cell, new MemberExempted("tuổi cao"));

        JsonNode letter = await().atMost(PATIENCE).until(() -> deadLetterOf(member, auditor),
                found -> found != null);
        assertThat(letter.get("reason").asString()).isNotBlank();
        assertThat(letter.get("headers").get("ce_type").asString()).isEqualTo("member.recognized.v1");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(counts(cell, auditor).get("members")
                .get("probationary").asLong()).isEqualTo(1));
        assertThat(counts(cell, auditor).get("members").get("exempted").asLong())
                .as("seq 3 waits for seq 2").isZero();

        String path = "/dead-letters/" + Topics.MEMBERSHIP + "/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/redrive";
        Map<String, Object> correction = Map.of("payload", Map.of("officialFrom", day.plusYears(1).toString()));
        Http.Response first = http.post(path, auditor, correction);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Http.Response again = http.post(path, auditor, correction);
        assertThat(again.status()).isEqualTo(202);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode members = counts(cell, auditor).get("members");
            assertThat(members.get("official").asLong()).isEqualTo(1);
            assertThat(members.get("exempted").asLong()).isEqualTo(1);
        });
        JsonNode counters = counts(cell, auditor).get("counters");
        assertThat(counters.get("flow.recognized").asLong()).isEqualTo(1);
        assertThat(counters.get("members").asLong()).isEqualTo(1);
        assertThat(deadLetterOf(member, auditor).get("redriven").asInt()).isEqualTo(2);
    }

    @Test
    void a_correction_that_still_does_not_read_is_refused_and_unknown_letters_are_not_found() {
        String auditor = TestTokens.auditor();
        String member = "DL-bad-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope admitted = publisher.next(member, LocalDate.of(2024, 1, 5), "x",
                new MemberAdmitted(new Person("A", null, Sex.FEMALE, "Kinh", null, null), "nowhere", null,
                        new Vote(3, 0, 0, 3), List.of(), true, null));
        ProducerRecord<String, byte[]> intact = CloudEventsKafka.toRecord(admitted);
        publisher.send(new ProducerRecord<>(intact.topic(), null, intact.key(), "not json".getBytes(
                StandardCharsets.UTF_8), intact.headers()));
        JsonNode letter = await().atMost(PATIENCE).until(() -> deadLetterOf(member, auditor), found -> found != null);
        String path = "/dead-letters/" + Topics.MEMBERSHIP + "/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/redrive";

        Http.Response still = http.post(path, auditor, Map.of("headers", Map.of("ce_type", "member.no_such.v1")));
        assertThat(still.status()).isEqualTo(422);
        assertThat(still.json().get("errors").get(0).get("field").asString()).isEqualTo("headers");
        assertThat(http.post("/dead-letters/" + Topics.MEMBERSHIP + "/0/999999999/redrive", auditor, Map.of())
                .status()).isEqualTo(404);
        assertThat(http.get("/dead-letters/no.such.topic", auditor).status()).isEqualTo(404);
        assertThat(http.get("/dead-letters/" + Topics.MEMBERSHIP + "?limit=0", auditor).status()).isEqualTo(400);
        assertThat(http.get("/dead-letters/" + Topics.MEMBERSHIP, TestTokens.reader("TW")).status()).isEqualTo(403);
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
