package chibo.membership;

import chibo.contracts.member.Education;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.Provenance;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.Sex;
import chibo.testsupport.EventPublisher;
import chibo.testsupport.Http;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A grassroots organisation's ratings of its members for a year, sent as one batch: recorded whole or refused
 * whole, each entry under the rating rules, the batch under the share of "xuất sắc" (20% of those rated good or
 * better), counting what was rated there before.
 */
class RatingBatchTest extends MembershipComponentTest {

    private Requests.Tree tree;
    private String writer;

    private void newTree() {
        tree = Requests.Tree.create(http);
        writer = tree.provinceWriter();
    }

    private List<String> enrol(int count, String cellId) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "rt-" + UUID.randomUUID().toString().substring(0, 8);
            Requests.created(http.post("/members/enrolments", writer, Requests.enrolment(id, cellId)));
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, Object> entry(String memberId, String level, int points) {
        return Map.of("memberId", memberId, "level", level, "points", points);
    }

    private Map<String, Object> batch(List<Map<String, Object>> entries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", 2025);
        body.put("decisionDate", "2025-12-20");
        body.put("decisionNumber", "45-QĐ/ĐU");
        body.put("decidingOrgId", tree.grassroots());
        body.put("ratings", entries);
        return body;
    }

    private Http.Response send(String orgId, Map<String, Object> body) {
        return http.post("/organizations/" + orgId + "/member-ratings", writer, body);
    }

    private JsonNode tally(String orgId) {
        Http.Response response = http.get("/organizations/" + orgId + "/member-ratings?year=2025",
                TestTokens.reader(tree.province()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private int ratedEvents(String memberId) {
        return (int) http.get("/members/" + memberId + "/history", writer).json().values().stream()
                .filter(e -> e.get("type").asString().equals("member.rated.v1")).count();
    }

    private static List<String> fields(Http.Response problem) {
        return problem.json().get("errors").values().stream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void a_valid_batch_records_every_members_rating_and_the_organisations_share() {
        newTree();
        List<String> m = enrol(5, tree.cell());

        Http.Response response = send(tree.grassroots(), batch(List.of(entry(m.get(0), "EXCELLENT", 95),
                entry(m.get(1), "GOOD", 80), entry(m.get(2), "GOOD", 75), entry(m.get(3), "GOOD", 72),
                entry(m.get(4), "GOOD", 88))));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("ratings").values()).extracting(r -> r.get("memberId").asString())
                .containsExactlyElementsOf(m);
        JsonNode share = response.json().get("share");
        assertThat(share.get("excellent").asInt()).isEqualTo(1);
        assertThat(share.get("goodOrBetter").asInt()).isEqualTo(5);
        assertThat(share.get("allowedExcellent").asInt()).isEqualTo(1);
        assertThat(http.get("/members/" + m.get(0), writer).json().get("ratings").get("2025").asString())
                .isEqualTo("EXCELLENT");
        assertThat(http.get("/members/" + m.get(4), writer).json().get("ratings").get("2025").asString())
                .isEqualTo("GOOD");
        JsonNode tally = tally(tree.grassroots());
        assertThat(tally.get("excellent").asInt()).isEqualTo(1);
        assertThat(tally.get("good").asInt()).isEqualTo(4);
        assertThat(m).extracting(this::lastCorrelation).as("one decision of the organisation").containsOnly(
                lastCorrelation(m.getFirst()));
    }

    private String lastCorrelation(String memberId) {
        List<JsonNode> history = List.copyOf(http.get("/members/" + memberId + "/history", writer).json().values());
        return history.getLast().get("correlationId").asString();
    }

    @Test
    void a_batch_over_the_share_is_refused_whole_naming_the_cap_and_its_numbers() {
        newTree();
        List<String> m = enrol(5, tree.otherCell());

        Http.Response refused = send(tree.grassroots(), batch(List.of(entry(m.get(0), "EXCELLENT", 95),
                entry(m.get(1), "EXCELLENT", 91), entry(m.get(2), "GOOD", 75), entry(m.get(3), "GOOD", 72),
                entry(m.get(4), "GOOD", 88))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:chibo:problem:rule:rating.excellent-cap");
        assertThat(problem.get("errors").values()).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).isEqualTo("ratings");
            assertThat(error.get("rule").asString()).isEqualTo("rating.excellent-cap");
        });
        assertThat(problem.get("excellent").asInt()).isEqualTo(2);
        assertThat(problem.get("goodOrBetter").asInt()).isEqualTo(5);
        assertThat(problem.get("allowedExcellent").asInt()).isEqualTo(1);
        assertThat(problem.get("sharePercent").asInt()).isEqualTo(20);
        assertThat(problem.get("source").asString()).contains("QĐ 366-QĐ/TW");
        assertThat(m).allSatisfy(member -> assertThat(ratedEvents(member)).isZero());
        assertThat(tally(tree.grassroots()).get("good").asInt()).isZero();
    }

    @Test
    void ratings_recorded_earlier_count_towards_the_share_of_later_batches_and_single_ratings() {
        newTree();
        List<String> m = enrol(11, tree.cell());
        assertThat(send(tree.grassroots(), batch(List.of(entry(m.get(0), "EXCELLENT", 95), entry(m.get(1), "GOOD", 80),
                entry(m.get(2), "GOOD", 80), entry(m.get(3), "GOOD", 80), entry(m.get(4), "GOOD", 80))))
                .status()).isEqualTo(200);

        Http.Response secondBatch = send(tree.grassroots(), batch(List.of(entry(m.get(5), "EXCELLENT", 93))));
        Map<String, Object> single = new LinkedHashMap<>(Map.of("year", 2025, "level", "EXCELLENT", "points", 93,
                "decisionDate", "2025-12-21", "decidingOrgId", tree.grassroots()));
        Http.Response singleRating = http.post("/members/" + m.get(5) + "/ratings", writer, single);

        assertThat(secondBatch.status()).as(secondBatch.body()).isEqualTo(422);
        assertThat(secondBatch.json().get("excellent").asInt()).as("one counted, one sent").isEqualTo(2);
        assertThat(secondBatch.json().get("goodOrBetter").asInt()).isEqualTo(6);
        assertThat(singleRating.status()).as(singleRating.body()).isEqualTo(422);
        assertThat(fields(singleRating)).containsExactly("level");
        assertThat(singleRating.json().get("type").asString())
                .isEqualTo("urn:chibo:problem:rule:rating.excellent-cap");

        assertThat(send(tree.grassroots(), batch(List.of(entry(m.get(6), "GOOD", 80), entry(m.get(7), "GOOD", 80),
                entry(m.get(8), "GOOD", 80), entry(m.get(9), "GOOD", 80), entry(m.get(10), "GOOD", 80))))
                .status()).isEqualTo(200);
        Http.Response nowAllowed = http.post("/members/" + m.get(5) + "/ratings", writer, single);
        assertThat(nowAllowed.status()).as("2 of 11 rated good or better: 20% allows 2").isEqualTo(200);
        assertThat(tally(tree.grassroots()).get("excellent").asInt()).isEqualTo(2);
    }

    @Test
    void every_bad_entry_is_named_by_its_index_and_nothing_of_the_batch_is_stored() {
        newTree();
        Requests.Tree elsewhere = Requests.Tree.create(http);
        List<String> m = enrol(3, tree.cell());
        String expelled = m.get(2);
        assertThat(http.post("/members/" + expelled + "/expulsion", writer, Map.of("reason", "violation",
                "decisionDate", "2025-11-01", "decisionNumber", "9-QĐ", "decidingOrgId", tree.grassroots()))
                .status()).isEqualTo(200);
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 6);

        Http.Response refused = send(tree.grassroots(), batch(List.of(entry(m.get(0), "GOOD", 80),
                entry(m.get(1), "EXCELLENT", 80), entry(nobody, "GOOD", 80),
                entry(elsewhere.introducer(), "GOOD", 80), entry(expelled, "GOOD", 80))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).as("the first entry refused")
                .isEqualTo("urn:chibo:problem:rule:rating.annual");
        assertThat(fields(refused)).containsExactly("ratings[1].level", "ratings[2].memberId",
                "ratings[3].memberId", "ratings[4].memberId");
        assertThat(refused.json().get("refused").asInt()).isEqualTo(4);
        assertThat(refused.json().get("detail").asString()).contains("none recorded");
        assertThat(ratedEvents(m.get(0))).as("the good entry waits for the others").isZero();
    }

    @Test
    void a_batch_is_sent_to_a_grassroots_organisation_inside_the_token_subtree_for_its_own_members() {
        newTree();
        List<String> m = enrol(1, tree.cell());
        Map<String, Object> body = batch(List.of(entry(m.getFirst(), "GOOD", 80)));
        Requests.Tree other = Requests.Tree.create(http);

        Http.Response outside = http.post("/organizations/" + tree.grassroots() + "/member-ratings",
                other.provinceWriter(), body);
        Http.Response cell = send(tree.cell(), body);
        Http.Response commune = send(tree.commune(), body);
        Http.Response unknown = send("nowhere-" + UUID.randomUUID(), body);

        assertThat(outside.status()).isEqualTo(403);
        assertThat(fields(outside)).containsExactly("orgId");
        assertThat(cell.status()).isEqualTo(422);
        assertThat(cell.json().get("type").asString())
                .isEqualTo("urn:chibo:problem:not-a-grassroots-organization");
        assertThat(commune.status()).as("the cell is counted in the grassroots committee between them")
                .isEqualTo(422);
        assertThat(fields(commune)).containsExactly("ratings[0].memberId");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(ratedEvents(m.getFirst())).isZero();
    }

    @Test
    void a_retried_batch_with_its_idempotency_key_is_recorded_once() {
        newTree();
        List<String> m = enrol(2, tree.cell());
        String key = "ratings-" + UUID.randomUUID();
        String body = "{\"year\": 2025, \"decisionDate\": \"2025-12-20\", \"decidingOrgId\": \"" + tree.grassroots()
                + "\", \"ratings\": [{\"memberId\": \"" + m.get(0) + "\", \"level\": \"GOOD\", \"points\": 80},"
                + " {\"memberId\": \"" + m.get(1) + "\", \"level\": \"COMPLETED\", \"points\": 60}]}";
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", key);
        String path = "/organizations/" + tree.grassroots() + "/member-ratings";

        Http.Response first = http.send("POST", path, writer, body, headers);
        Http.Response retry = http.send("POST", path, writer, body, headers);
        Http.Response otherBody = http.send("POST", path, writer, body.replace("\"points\": 60", "\"points\": 61"),
                headers);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("type").asString()).isEqualTo("urn:chibo:problem:idempotency-key-reused");
        assertThat(ratedEvents(m.get(0))).isEqualTo(1);
        assertThat(ratedEvents(m.get(1))).isEqualTo(1);
    }

    @Test
    void a_second_year_not_completed_in_a_batch_opens_a_let_go_review() {
        newTree();
        List<String> m = enrol(1, tree.cell());
        assertThat(http.post("/members/" + m.getFirst() + "/ratings", writer, Map.of("year", 2024, "level",
                "NOT_COMPLETED", "points", 30, "decisionDate", "2024-12-18", "decidingOrgId", tree.grassroots()))
                .status()).isEqualTo(200);

        Http.Response response = send(tree.grassroots(), batch(List.of(entry(m.getFirst(), "NOT_COMPLETED", 42))));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode reviews = response.json().get("ratings").get(0).get("reviews");
        assertThat(reviews.values()).singleElement().satisfies(review -> {
            assertThat(review.get("kind").asString()).isEqualTo("LET_GO");
            assertThat(review.get("basis").asString()).isEqualTo("ratings:2024-2025");
            assertThat(review.get("openedOn").asString()).isEqualTo("2025-12-20");
        });
    }

    @Test
    void the_tally_counts_ratings_another_instance_recorded_from_the_membership_topic() {
        newTree();
        String member = "other-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventPublisher elsewhere = new EventPublisher(TestBroker.bootstrapServers(),
                "/chibo/membership-service")) {
            elsewhere.publish(member, LocalDate.of(2016, 5, 19), tree.cell(), new MemberEnrolledFromRegister(
                    new Person("Lò Thị Hoa", LocalDate.of(1980, 6, 1), Sex.FEMALE, "Thái", Education.UNIVERSITY,
                            null), MemberStatus.OFFICIAL, tree.cell(), LocalDate.of(2015, 5, 19),
                    LocalDate.of(2016, 5, 19), "TQ-9", false, new Provenance("Sổ đảng viên", "other instance")));
            elsewhere.publish(member, LocalDate.of(2025, 12, 19), tree.grassroots(),
                    new MemberRated(2025, RatingLevel.GOOD, 85));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tally(tree.grassroots()).get("good").asInt()).isEqualTo(1));
    }
}
