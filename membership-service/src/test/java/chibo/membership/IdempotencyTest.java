package chibo.membership;

import chibo.testsupport.Http;
import chibo.testsupport.TestMongo;
import chibo.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest extends MembershipComponentTest {

    private static final MongoClient MONGO = MongoClients.create(TestMongo.uri("membership"));

    @AfterAll
    static void close() {
        MONGO.close();
    }

    private static long memberEvents() {
        return MONGO.getDatabase("membership").getCollection("party_membership_events").countDocuments();
    }

    private Http.Response admit(String writer, String key, Map<String, Object> body) {
        return http.send("POST", "/members/admissions", writer, toJson(body),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }

    private static String toJson(Object body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_answer_and_stores_nothing_new() {
        Requests.Tree tree = Requests.Tree.create(http);
        String key = UUID.randomUUID().toString();
        var body = tree.admission().build();

        Http.Response first = admit(tree.provinceWriter(), key, body);
        long stored = memberEvents();
        Http.Response retry = admit(tree.provinceWriter(), key, body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(memberEvents()).isEqualTo(stored);
    }

    @Test
    void the_same_key_with_a_different_body_is_refused() {
        Requests.Tree tree = Requests.Tree.create(http);
        String key = UUID.randomUUID().toString();
        admit(tree.provinceWriter(), key, tree.admission().build());
        long stored = memberEvents();

        Http.Response reused = admit(tree.provinceWriter(), key, tree.admission().personWith("fullName", "Khác")
                .build());

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("urn:chibo:problem:idempotency-key-reused");
        assertThat(reused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(memberEvents()).isEqualTo(stored);
    }

    @Test
    void keys_belong_to_the_caller() {
        Requests.Tree tree = Requests.Tree.create(http);
        String key = UUID.randomUUID().toString();
        var body = tree.admission().memberId("m-" + UUID.randomUUID()).build();
        admit(tree.provinceWriter(), key, body);

        Http.Response other = admit(TestTokens.writer(tree.central()), key, body);

        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.status()).as("a new request of another caller: the member exists already").isEqualTo(409);
    }

    @Test
    void a_refused_request_is_replayed_as_refused() {
        Requests.Tree tree = Requests.Tree.create(http);
        String key = UUID.randomUUID().toString();
        var bad = tree.admission().with("cellId", "no-such-cell").build();

        Http.Response first = admit(tree.provinceWriter(), key, bad);
        Http.Response retry = admit(tree.provinceWriter(), key, bad);

        assertThat(first.status()).isEqualTo(422);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void an_over_long_key_is_refused() {
        Requests.Tree tree = Requests.Tree.create(http);

        Http.Response response = admit(tree.provinceWriter(), "k".repeat(201), tree.admission().build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    /**
     * Puts the key back as a request cut off after storing its events leaves it (the instance died before recording
     * its answer), with its lease running out at {@code leaseUntil}.
     */
    private static void cutOff(String key, Instant leaseUntil) {
        var keys = MONGO.getDatabase("membership").getCollection("idempotency_keys");
        var filter = Filters.regex("_id", "^.+" + Pattern.quote(key) + "$"); // owner, NUL, key
        assertThat(keys.countDocuments(filter)).isEqualTo(1);
        keys.updateOne(filter, Updates.combine(Updates.set("state", "RUNNING"),
                Updates.set("leaseUntil", Date.from(leaseUntil)), Updates.unset("status"), Updates.unset("headers"),
                Updates.unset("body")));
    }

    @Test
    void a_retry_after_the_lease_of_an_admission_cut_off_after_storing_answers_with_the_member_stored() {
        Requests.Tree tree = Requests.Tree.create(http);
        String key = UUID.randomUUID().toString();
        var body = tree.admission().build(); // no memberId: chibo names the member
        Http.Response first = admit(tree.provinceWriter(), key, body);
        long stored = memberEvents();
        cutOff(key, Instant.now().minusSeconds(1));

        Http.Response retry = admit(tree.provinceWriter(), key, body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(memberEvents()).as("not admitted twice").isEqualTo(stored);
    }

    @Test
    void a_retry_after_the_lease_of_a_decision_cut_off_after_storing_answers_with_the_decision_stored() {
        Requests.Tree tree = Requests.Tree.create(http);
        String key = UUID.randomUUID().toString();
        var body = Requests.decision("2026-02-01", tree.grassroots(), "reason", "health");
        String path = "/members/" + tree.introducer() + "/exemption";
        Http.Response first = http.send("POST", path, tree.provinceWriter(), toJson(body),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));
        long stored = memberEvents();
        cutOff(key, Instant.now().minusSeconds(1));

        Http.Response retry = http.send("POST", path, tree.provinceWriter(), toJson(body),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("version").asLong()).isEqualTo(first.json().get("version").asLong());
        assertThat(memberEvents()).as("not decided twice").isEqualTo(stored);
    }

    @Test
    void a_retry_while_the_first_request_holds_its_lease_is_told_when_to_come_back() {
        Requests.Tree tree = Requests.Tree.create(http);
        String key = UUID.randomUUID().toString();
        var body = tree.admission().build();
        admit(tree.provinceWriter(), key, body);
        long stored = memberEvents();
        cutOff(key, Instant.now().plusSeconds(20));

        Http.Response retry = admit(tree.provinceWriter(), key, body);

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("type").asString()).isEqualTo("urn:chibo:problem:idempotency-key-in-use");
        assertThat(Long.parseLong(retry.header("Retry-After"))).isBetween(1L, 21L);
        assertThat(memberEvents()).isEqualTo(stored);
    }
}
