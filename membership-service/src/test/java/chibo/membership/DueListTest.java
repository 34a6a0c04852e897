package chibo.membership;

import chibo.contracts.Topics;
import chibo.testsupport.EventPublisher;
import chibo.testsupport.Http;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static chibo.membership.Requests.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DueListTest extends MembershipComponentTest {

    private static final String READ_MODELS = "membership-service-read-models";

    @Autowired
    MeterRegistry meters;

    /** The read models' dead letters from the topic counted so far (other tests of the context may add some). */
    private double deadLettersCounted(String topic) {
        Counter counter = meters.find("chibo.dead.letters").tag("consumer", READ_MODELS).tag("topic", topic)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private Http.Response post(String path, String token, Map<String, Object> body) {
        Http.Response response = http.post(path, token, body);
        assertThat(response.status()).as(path + " → " + response.body()).isIn(200, 201);
        return response;
    }

    private Map<String, JsonNode> awaitDueList(String orgId, String token, String query, int atLeast,
                                               String... expected) {
        Map<String, JsonNode> byMember = new LinkedHashMap<>();
        // the relay publishes in append order, and signs each event: in the suite it may still be signing the
        // 100,000-line import of BulkImportTest when this class's first events queue behind it
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Http.Response response = http.get("/organizations/" + orgId + "/due-list" + query, token);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            byMember.clear();
            response.json().get("items").values().forEach(item ->
                    byMember.put(item.get("memberId").asString() + "/" + item.get("kind").asString(), item));
            assertThat(byMember).hasSizeGreaterThanOrEqualTo(atLeast);
            for (String key : expected) {
                assertThat(byMember).containsKey(key);
            }
        });
        return byMember;
    }

    @Test
    void the_subtree_due_list_shows_ceremonies_probations_transits_and_readmissions_with_their_state() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String notSworn = "ns-" + suffix;
        String onProbation = "pb-" + suffix;
        String leaving = "tr-" + suffix;
        String left = "lg-" + suffix;
        post("/members/admissions", writer, tree.admission().memberId(notSworn).build());
        post("/members/admissions", writer, tree.admission().memberId(onProbation).build());
        post("/members/" + onProbation + "/swearing-in", writer, Map.of("ceremonyDate", "2025-10-01"));
        post("/members/enrolments", writer, Requests.enrolment(leaving, tree.cell()));
        post("/members/" + leaving + "/transfers", writer, decision("2025-06-02", tree.grassroots(), "kind",
                "OFFICIAL", "circumstance", "NEW_JOB", "toOrgId", tree.grassroots(), "toCellId", tree.otherCell()));
        post("/members/enrolments", writer, Requests.enrolment(left, tree.cell()));
        post("/members/" + left + "/letting-go", writer, decision("2024-05-06", tree.grassroots(), "ground",
                "ASKED_TO_LEAVE"));

        // the due list is a read model: wait until every change above has reached it
        Map<String, JsonNode> items = awaitDueList(tree.province(), TestTokens.reader(tree.province()), "", 3,
                notSworn + "/AWAITING_CEREMONY", onProbation + "/PROBATION_ENDING", leaving + "/IN_TRANSIT");

        JsonNode ceremony = items.get(notSworn + "/AWAITING_CEREMONY");
        assertThat(ceremony.get("state").asString()).as("decided in 2025, ceremony still not held")
                .isEqualTo("OVERDUE");
        assertThat(ceremony.get("cellId").asString()).isEqualTo(tree.cell());
        JsonNode probation = items.get(onProbation + "/PROBATION_ENDING");
        assertThat(probation.get("since").asString()).isEqualTo("2026-10-01");
        assertThat(items).doesNotContainKey(onProbation + "/AWAITING_CEREMONY");
        assertThat(items.get(leaving + "/IN_TRANSIT").get("state").asString()).isEqualTo("OVERDUE");
        assertThat(items).as("asked to leave: never readmitted, so no waiting period")
                .doesNotContainKey(left + "/READMISSION_WAITING");
    }

    @Test
    void a_member_removed_for_lack_of_progress_waits_36_months_for_readmission() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String removed = "rm-" + UUID.randomUUID().toString().substring(0, 6);
        post("/members/enrolments", writer, Requests.enrolment(removed, tree.cell()));
        post("/members/" + removed + "/removal", writer, decision("2024-03-04", tree.grassroots(), "ground",
                "NO_PROGRESS_AFTER_HELP"));

        Map<String, JsonNode> items = awaitDueList(tree.grassroots(), writer, "?kind=READMISSION_WAITING", 1);

        JsonNode waiting = items.get(removed + "/READMISSION_WAITING");
        assertThat(waiting.get("deadline").asString()).isEqualTo("2027-03-04");
        assertThat(waiting.get("state").asString()).isEqualTo("WAITING");
    }

    @Test
    void only_overdue_items_when_asked_and_only_inside_the_callers_subtree() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String member = "od-" + UUID.randomUUID().toString().substring(0, 6);
        post("/members/admissions", writer, tree.admission().memberId(member).build());

        Map<String, JsonNode> overdue = awaitDueList(tree.cell(), writer, "?overdueOnly=true", 1);

        assertThat(overdue.values()).allSatisfy(item -> assertThat(item.get("state").asString()).isEqualTo("OVERDUE"));
        assertThat(http.get("/organizations/" + tree.province() + "/due-list", TestTokens.reader(tree.otherCell()))
                .status()).isEqualTo(403);
        assertThat(List.of(http.get("/organizations/nowhere/due-list", TestTokens.auditor()).status()))
                .containsExactly(404);
    }

    @Test
    void an_unreadable_record_on_either_topic_goes_to_that_topics_read_model_dead_letters_and_the_lists_carry_on() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String unreadableOrg = "unreadable-org-" + suffix;
        String unreadableMember = "unreadable-member-" + suffix;
        Map<String, Double> countedBefore = Map.of(Topics.ORGANIZATION, deadLettersCounted(Topics.ORGANIZATION),
                Topics.MEMBERSHIP, deadLettersCounted(Topics.MEMBERSHIP));
        try (EventPublisher publisher = new EventPublisher(TestBroker.bootstrapServers(), "/chibo/membership-service")) {
            publisher.send(new ProducerRecord<>(Topics.ORGANIZATION, unreadableOrg,
                    "{not an event".getBytes(StandardCharsets.UTF_8)));
            publisher.send(new ProducerRecord<>(Topics.MEMBERSHIP, unreadableMember,
                    "{not an event".getBytes(StandardCharsets.UTF_8)));
        }
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String notSworn = "ns-" + suffix;
        post("/members/admissions", writer, tree.admission().memberId(notSworn).build());

        awaitDueList(tree.cell(), writer, "", 1, notSworn + "/AWAITING_CEREMONY");
        for (var parked : Map.of(Topics.ORGANIZATION, unreadableOrg, Topics.MEMBERSHIP, unreadableMember).entrySet()) {
            try (KafkaProbe deadLetters = new KafkaProbe(TestBroker.bootstrapServers(),
                    Topics.deadLetter(parked.getKey(), READ_MODELS))) {
                assertThat(deadLetters.awaitKey(parked.getValue(), records -> !records.isEmpty(),
                        Duration.ofSeconds(30))).singleElement().satisfies(record -> {
                            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
                            assertThat(record.headers().lastHeader("x-exception-message")).isNotNull();
                            assertThat(new String(record.headers().lastHeader("kafka_dlt-original-topic").value(),
                                    StandardCharsets.UTF_8)).isEqualTo(parked.getKey());
                        });
            }
            String topic = parked.getKey();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deadLettersCounted(topic))
                    .as("dead letters counted from " + topic).isGreaterThanOrEqualTo(countedBefore.get(topic) + 1));
        }
    }
}
