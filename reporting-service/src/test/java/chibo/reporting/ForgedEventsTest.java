package chibo.reporting;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import chibo.contracts.Topics;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberDeceased;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anyone who can write to the topics can produce a correctly hashed event; only chibo's services can sign one. A
 * forged {@code member.deceased.v1} at the member's next seq — unsigned, signed with a key nobody trusts, or signed
 * by meeting-service, which may not write the membership topic — is dead-lettered with its reason, changes neither
 * the figures nor the audit archive's chain, cannot be re-driven, and the real decision published afterwards at the
 * same seq is applied.
 */
class ForgedEventsTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final String auditor = TestTokens.auditor();

    @Test
    void forged_records_are_dead_lettered_with_their_reason_and_the_real_decision_still_takes_their_seq() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String province = "FP-" + suffix;
        String cell = "FC-" + suffix;
        String member = "fm-" + suffix;
        LocalDate day = LocalDate.of(2024, 3, 1);
        publisher.publish(province, day, province, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE, null));
        publisher.publish(cell, day, province, new OrganizationRegistered("Chi bộ", OrgLevel.GRASSROOTS_CELL,
                province));
        EventEnvelope admitted = publisher.publish(member, day, cell, new MemberAdmitted(new Person("Lò Thị Ón",
                LocalDate.of(1992, 4, 2), Sex.FEMALE, "Thái", Education.COLLEGE, null), cell, null,
                new Vote(9, 0, 0, 9), List.of(), true, null));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(members(cell).get("total").asLong()).isEqualTo(1));

        // correctly hashed and chained to the admission: all a forger needs is write access to the topic
        EventEnvelope forged = HashChain.seal(new EventDraft(member, day.plusMonths(2), cell, "01-QĐ/giả",
                UUID.randomUUID(), null, new MemberDeceased("giả mạo")), "/chibo/membership-service", 2,
                admitted.hash(), UUID.randomUUID(), Instant.now());
        List<ProducerRecord<String, byte[]>> forgeries = List.of(CloudEventsKafka.toRecord(forged),
                TestEventKeys.STRANGER.sign(forged), TestEventKeys.MEETING.sign(forged));
        forgeries.forEach(publisher::send);

        List<JsonNode> letters = await().atMost(PATIENCE).until(() -> deadLettersOf(member),
                found -> found.size() == 3);
        assertThat(letters).extracting(letter -> letter.get("reason").asString()).satisfiesExactlyInAnyOrder(
                reason -> assertThat(reason).startsWith("unsigned: "),
                reason -> assertThat(reason).startsWith("bad-signature: ").contains(TestEventKeys.STRANGER.keyId()),
                reason -> assertThat(reason).isEqualTo("signer-not-allowed-for-topic: key '"
                        + TestEventKeys.MEETING.keyId() + "' may not write " + Topics.MEMBERSHIP));
        assertThat(members(cell).get("total").asLong()).as("the forged death changed no figure").isEqualTo(1);
        JsonNode chain = verification(member).get("chains").get(0);
        assertThat(chain.get("lastSeq").asLong()).as("the forgeries took no seq in the archive").isEqualTo(1);
        assertThat(verification(member).get("intact").asBoolean()).isTrue();

        JsonNode letter = letters.getFirst();
        Http.Response redrive = http.post("/dead-letters/" + Topics.MEMBERSHIP + "/"
                + letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/redrive",
                TestTokens.operator(), Map.of());
        assertThat(redrive.status()).as(redrive.body()).isEqualTo(422);
        assertThat(redrive.json().get("type").asString()).isEqualTo("urn:chibo:problem:redrive-not-signed");
        assertThat(redrive.json().get("errors").get(0).get("field").asString()).isEqualTo("headers.ce_signature");
        assertThat(redrive.json().get("errors").get(0).get("rule").asString()).isIn("unsigned", "bad-signature",
                "signer-not-allowed-for-topic");

        EventEnvelope real = publisher.publish(member, day.plusMonths(3), cell, new MemberDeceased("từ trần"));
        assertThat(real.seq()).isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(members(cell).get("total").asLong()).isZero();
            assertThat(verification(member).get("chains").get(0).get("lastSeq").asLong()).isEqualTo(2);
        });
        assertThat(verification(member).get("intact").asBoolean()).isTrue();
        JsonNode history = http.get("/audit/members/" + member + "/history", auditor).json().get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("id").asString()).isEqualTo(real.id().toString());

        JsonNode job = verifyOrganisation(province);
        assertThat(job.get("brokenChains").asLong()).isZero();
        assertThat(job.get("signaturesHold").asBoolean()).isFalse();
        assertThat(job.get("refusedRecords").asLong()).isEqualTo(3);
        assertThat(job.get("refused")).allSatisfy(refused -> {
            assertThat(refused.get("subject").asString()).isEqualTo(member);
            assertThat(refused.get("seq").asLong()).isEqualTo(2);
        });
    }

    private JsonNode members(String orgId) {
        return http.get("/organizations/" + orgId + "/counts", auditor).json().get("members");
    }

    private JsonNode verification(String subject) {
        Http.Response response = http.get("/audit/subjects/" + subject + "/verification", auditor);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode verifyOrganisation(String orgId) {
        Http.Response started = http.post("/audit/organizations/" + orgId + "/verifications", auditor, "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        JsonNode job = await().atMost(PATIENCE).until(() -> http.get(location, auditor).json(),
                body -> body.get("state").asString().equals("COMPLETED")
                        || body.get("state").asString().equals("FAILED"));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        return job;
    }

    private List<JsonNode> deadLettersOf(String member) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode letter : http.get("/dead-letters/" + Topics.MEMBERSHIP, auditor).json()) {
            if (member.equals(letter.get("key").asString())) {
                found.add(letter);
            }
        }
        return found;
    }
}
