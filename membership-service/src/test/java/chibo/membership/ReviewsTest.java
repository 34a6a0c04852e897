package chibo.membership;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.testsupport.EventPublisher;
import chibo.testsupport.Http;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestEventKeys;
import chibo.testsupport.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static chibo.membership.Requests.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Removal reviews opened from meeting-service's reports of unexcused absences, let-go reviews opened by a second
 * year rated NOT_COMPLETED, and reviews closed by the cell keeping the member or by the member leaving.
 */
class ReviewsTest extends MembershipComponentTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.MEETING, "membership-service-reviews");
    private static final EventPublisher MEETINGS = new EventPublisher(TestBroker.bootstrapServers(),
            "/chibo/meeting-service");

    @AfterAll
    static void close() {
        MEETINGS.close();
    }

    private static MemberAbsenceThresholdReached spring(String memberId) {
        return new MemberAbsenceThresholdReached(memberId, 3, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31),
                List.of("mt-jan-" + memberId, "mt-feb-" + memberId, "mt-mar-" + memberId));
    }

    /** Reports the threshold as meeting-service does: the cell's next event, keyed by the cell. */
    private static EventEnvelope report(String cellId, MemberAbsenceThresholdReached reached) {
        return MEETINGS.publish(cellId, LocalDate.of(2026, 4, 2), cellId, reached);
    }

    private Http.Response post(String path, String token, Map<String, Object> body) {
        Http.Response response = http.post(path, token, body);
        assertThat(response.status()).as(path + " → " + response.body()).isIn(200, 201);
        return response;
    }

    private String enrol(Requests.Tree tree, String writer, String label) {
        String id = label + "-" + UUID.randomUUID().toString().substring(0, 6);
        post("/members/enrolments", writer, Requests.enrolment(id, tree.cell()));
        return id;
    }

    private List<JsonNode> history(String memberId, String token) {
        return List.copyOf(http.get("/members/" + memberId + "/history", token).json().values());
    }

    private List<JsonNode> historyOf(String memberId, String token, String type) {
        return history(memberId, token).stream().filter(e -> e.get("type").asString().equals(type)).toList();
    }

    /** An organisation's due list of one kind; the due lists may not know a new organisation yet (a 404). */
    private JsonNode dueList(String orgId, String kind, String token) {
        Http.Response response = http.get("/organizations/" + orgId + "/due-list?kind=" + kind, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    private JsonNode awaitReview(String memberId, String token, String kind) {
        JsonNode[] review = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode member = http.get("/members/" + memberId, token).json();
            review[0] = member.get("reviews").values().stream()
                    .filter(r -> r.get("kind").asString().equals(kind)).findFirst().orElse(null);
            assertThat(review[0]).as(member.toString()).isNotNull();
        });
        return review[0];
    }

    @Test
    void a_reported_absence_threshold_opens_one_removal_review_seen_on_the_member_and_in_the_due_list() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String absent = enrol(tree, writer, "absent");
        String marker = enrol(tree, writer, "marker");

        EventEnvelope reported = report(tree.cell(), spring(absent));
        MEETINGS.send(reported);
        report(tree.cell(), spring(absent));
        report(tree.cell(), spring(marker));

        JsonNode review = awaitReview(absent, writer, "REMOVAL");
        assertThat(review.get("basis").asString()).isEqualTo("absences:2026-01-01..2026-03-31");
        assertThat(review.get("openedOn").asString()).isEqualTo("2026-04-02");
        assertThat(review.get("evidence").values().stream().map(JsonNode::asString).toList())
                .containsExactly("mt-jan-" + absent, "mt-feb-" + absent, "mt-mar-" + absent);
        assertThat(review.get("reason").asString()).contains("3 unexcused absences");

        // the marker's report came after all three on the cell's partition: once it is applied, so are they
        awaitReview(marker, writer, "REMOVAL");
        List<JsonNode> opened = historyOf(absent, writer, "member.review_opened.v1");
        assertThat(opened).as("the same report delivered twice and repeated: one review").hasSize(1);
        assertThat(opened.getFirst().get("causationId").asString()).isEqualTo(reported.id().toString());
        assertThat(opened.getFirst().get("correlationId").asString())
                .isEqualTo(reported.correlationId().toString());
        assertThat(opened.getFirst().get("actingOrg").asString()).isEqualTo(tree.cell());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = dueList(tree.grassroots(), "REMOVAL_REVIEW", TestTokens.reader(tree.province()));
            assertThat(items.values().stream().map(i -> i.get("memberId").asString()).toList())
                    .containsExactlyInAnyOrder(absent, marker);
            JsonNode item = items.values().stream().filter(i -> i.get("memberId").asString().equals(absent))
                    .findFirst().orElseThrow();
            assertThat(item.get("since").asString()).isEqualTo("2026-04-02");
            assertThat(LocalDate.parse(item.get("deadline").asString())).isAfter(LocalDate.of(2026, 5, 1));
            assertThat(item.get("state").asString()).as("opened in April, due weeks later, now November")
                    .isEqualTo("OVERDUE");
        });
    }

    @Test
    void a_member_who_left_gets_no_review_and_an_unknown_member_goes_to_the_dead_letters() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String expelled = enrol(tree, writer, "expelled");
        post("/members/" + expelled + "/expulsion", writer, decision("2026-02-01", tree.grassroots(), "reason",
                "serious violation"));
        String marker = enrol(tree, writer, "marker");
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 6);

        report(tree.cell(), spring(expelled));
        MEETINGS.publish(tree.cell(), LocalDate.of(2026, 4, 1), tree.cell(),
                new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2026-03"));
        var futureType = new ProducerRecord<String, byte[]>(Topics.MEETING, tree.cell(),
                "{not json at all".getBytes(StandardCharsets.UTF_8));
        futureType.headers().add("ce_type", "meeting.graded.v9".getBytes(StandardCharsets.UTF_8));
        MEETINGS.send(futureType);
        report(tree.cell(), spring(nobody));
        report(tree.cell(), spring(marker));

        awaitReview(marker, writer, "REMOVAL");
        assertThat(historyOf(expelled, writer, "member.review_opened.v1")).isEmpty();
        assertThat(http.get("/members/" + nobody, writer).status()).isEqualTo(404);
        try (KafkaProbe deadLetters = new KafkaProbe(TestBroker.bootstrapServers(), DEAD_LETTERS)) {
            var parked = deadLetters.awaitKey(tree.cell(), records -> !records.isEmpty(), Duration.ofSeconds(30));
            assertThat(parked).as("only the report naming a member never recorded; other facts pass by")
                    .singleElement().satisfies(record -> assertThat(new String(record.value(),
                            StandardCharsets.UTF_8)).contains(nobody));
        }
    }

    @Test
    void a_threshold_not_signed_by_meeting_service_opens_no_review_and_goes_to_the_dead_letters_with_its_reason() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String target = enrol(tree, writer, "target");
        String marker = enrol(tree, writer, "marker");
        String forgedCell = tree.cell() + "-forged";
        EventEnvelope forged = MEETINGS.next(forgedCell, LocalDate.of(2026, 4, 2), tree.cell(), spring(target));
        EventEnvelope alsoForged = MEETINGS.next(forgedCell, LocalDate.of(2026, 4, 2), tree.cell(), spring(target));

        MEETINGS.send(CloudEventsKafka.toRecord(forged));
        MEETINGS.send(TestEventKeys.MEMBERSHIP.sign(alsoForged));
        report(tree.cell(), spring(marker));

        awaitReview(marker, writer, "REMOVAL");
        assertThat(historyOf(target, writer, "member.review_opened.v1")).isEmpty();
        try (KafkaProbe deadLetters = new KafkaProbe(TestBroker.bootstrapServers(), DEAD_LETTERS)) {
            var parked = deadLetters.awaitKey(forgedCell, records -> records.size() == 2, Duration.ofSeconds(30));
            assertThat(parked).extracting(record -> new String(record.headers().lastHeader("x-exception-message")
                    .value(), StandardCharsets.UTF_8)).containsExactly(
                    "unsigned: the record has no ce_signer header",
                    "signer-not-allowed-for-topic: key '" + TestEventKeys.MEMBERSHIP.keyId() + "' may not write "
                            + Topics.MEETING);
        }
    }

    @Test
    void the_cell_keeps_the_member_and_closes_the_review_once() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String absent = enrol(tree, writer, "kept");
        report(tree.cell(), spring(absent));
        awaitReview(absent, writer, "REMOVAL");
        String version = http.get("/members/" + absent, writer).header("ETag");

        Http.Response closed = http.send("POST", "/members/" + absent + "/reviews/REMOVAL/closure", writer,
                "{\"reason\": \"absent on flood relief duty\", \"decisionDate\": \"2026-04-20\","
                        + " \"decisionNumber\": \"NQ-12/CB\"}",
                Map.of("Content-Type", "application/json", "If-Match", version));

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("reviews").values()).isEmpty();
        assertThat(closed.json().get("status").asString()).isEqualTo("OFFICIAL");
        JsonNode closure = historyOf(absent, writer, "member.review_closed.v1").getFirst();
        assertThat(closure.get("data").get("basis").asString()).isEqualTo("absences:2026-01-01..2026-03-31");
        assertThat(closure.get("actingOrg").asString()).as("the cell resolved to keep the member")
                .isEqualTo(tree.cell());

        Http.Response again = http.post("/members/" + absent + "/reviews/REMOVAL/closure", writer,
                Map.of("reason", "again", "decisionDate", "2026-04-21"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:chibo:problem:illegal-transition");
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("OFFICIAL");
        assertThat(again.json().get("detail").asString()).contains("no REMOVAL review is open");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                dueList(tree.cell(), "REMOVAL_REVIEW", writer).values()).isEmpty());
    }

    @Test
    void a_second_year_rated_not_completed_opens_a_let_go_review_which_letting_go_closes() {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        String member = enrol(tree, writer, "weak");
        post("/members/" + member + "/ratings", writer, decision("2025-12-15", tree.grassroots(), "year", 2025,
                "level", "NOT_COMPLETED", "points", 40));
        assertThat(http.get("/members/" + member, writer).json().get("reviews").values())
                .as("one year not completed opens nothing").isEmpty();

        Http.Response rated = post("/members/" + member + "/ratings", writer, decision("2025-12-16",
                tree.grassroots(), "year", 2024, "level", "NOT_COMPLETED", "points", 45));

        JsonNode review = rated.json().get("reviews").values().stream().findFirst().orElseThrow();
        assertThat(review.get("kind").asString()).isEqualTo("LET_GO");
        assertThat(review.get("basis").asString()).as("a late 2024 rating pairs with 2025")
                .isEqualTo("ratings:2024-2025");
        List<JsonNode> events = history(member, writer);
        JsonNode ratedEvent = events.get(events.size() - 2);
        JsonNode openedEvent = events.getLast();
        assertThat(ratedEvent.get("type").asString()).isEqualTo("member.rated.v1");
        assertThat(openedEvent.get("type").asString()).isEqualTo("member.review_opened.v1");
        assertThat(openedEvent.get("correlationId").asString()).as("one decision")
                .isEqualTo(ratedEvent.get("correlationId").asString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                dueList(tree.grassroots(), "LET_GO_REVIEW", writer).values())
                .extracting(i -> i.get("memberId").asString()).containsExactly(member));

        Http.Response letGo = post("/members/" + member + "/letting-go", writer, decision("2026-03-02",
                tree.grassroots(), "ground", "SCREENED_OUT"));
        assertThat(letGo.json().get("status").asString()).isEqualTo("LET_GO");
        assertThat(letGo.json().get("reviews").values()).isEmpty();
        Http.Response closure = http.post("/members/" + member + "/reviews/LET_GO/closure", writer,
                Map.of("reason", "kept", "decisionDate", "2026-03-03"));
        assertThat(closure.status()).isEqualTo(409);
        assertThat(closure.json().get("currentStatus").asString()).isEqualTo("LET_GO");
    }
}
