package chibo.membership;

import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who read whose record: every read of a member's data is on record, and only the data-protection role reads it. */
class AccessLogTest extends MembershipComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void a_writers_read_of_a_member_is_logged_with_who_what_and_why() {
        Requests.Tree tree = Requests.Tree.create(http);
        String member = tree.introducer();

        Http.Response read = http.send("GET", "/members/" + member, tree.provinceWriter(), null,
                Map.of("Purpose", java.net.URLEncoder.encode("hồ sơ chuyển sinh hoạt",
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode entry = awaitEntries(member, 1).getFirst();
        assertThat(entry.get("service").asString()).isEqualTo("membership-service");
        assertThat(entry.get("who").asString()).isEqualTo("agency-" + tree.province());
        assertThat(entry.get("roles").values()).extracting(JsonNode::asString).containsExactly("agency-writer");
        assertThat(entry.get("org").asString()).isEqualTo(tree.province());
        assertThat(entry.get("method").asString()).isEqualTo("GET");
        assertThat(entry.get("path").asString()).isEqualTo("/members/" + member);
        assertThat(entry.get("subject").asString()).isEqualTo(member);
        assertThat(entry.get("outcome").asString()).isEqualTo("SERVED");
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("purpose").asString()).isEqualTo("hồ sơ chuyển sinh hoạt");
        assertThat(entry.get("hash").asString()).hasSize(64);
    }

    @Test
    void a_dashboard_reader_is_refused_a_member_and_the_refusal_is_logged() {
        Requests.Tree tree = Requests.Tree.create(http);
        String member = tree.introducer();

        Http.Response refused = http.get("/members/" + member, TestTokens.reader(tree.province()));
        Http.Response history = http.get("/members/" + member + "/history", TestTokens.reader(tree.province()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:chibo:problem:forbidden");
        assertThat(refused.body()).doesNotContain(tree.cell());
        assertThat(history.status()).isEqualTo(403);
        List<JsonNode> entries = awaitEntries(member, 2);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(entry.get("status").asInt()).isEqualTo(403);
            assertThat(entry.get("who").asString()).isEqualTo("dashboard-" + tree.province());
        });
        assertThat(entries).extracting(entry -> entry.get("path").asString())
                .containsExactlyInAnyOrder("/members/" + member, "/members/" + member + "/history");
    }

    @Test
    void a_read_of_an_unknown_member_is_logged_as_refused() {
        String unknown = "m-unknown-" + java.util.UUID.randomUUID();

        assertThat(http.get("/members/" + unknown, TestTokens.auditor()).status()).isEqualTo(404);

        JsonNode entry = awaitEntries(unknown, 1).getFirst();
        assertThat(entry.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(entry.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void the_data_protection_role_reads_members_and_histories_everywhere_and_writes_nothing() {
        Requests.Tree tree = Requests.Tree.create(http);
        String dataProtection = TestTokens.dataProtection();

        assertThat(http.get("/members/" + tree.introducer(), dataProtection).status()).isEqualTo(200);
        assertThat(http.get("/members/" + tree.introducer() + "/history", dataProtection).status()).isEqualTo(200);
        assertThat(http.get("/organizations/" + tree.grassroots() + "/history", dataProtection).status())
                .isEqualTo(200);
        Http.Response write = http.post("/members/admissions", dataProtection, tree.admission().build());
        assertThat(write.status()).as(write.body()).isEqualTo(403);
    }

    @Test
    void only_the_data_protection_role_reads_and_verifies_the_access_log() {
        Requests.Tree tree = Requests.Tree.create(http);

        for (String token : List.of(TestTokens.auditor(), tree.provinceWriter(), TestTokens.reader(tree.central()),
                TestTokens.operator())) {
            assertThat(http.get("/access-log", token).status()).isEqualTo(403);
            assertThat(http.get("/access-log/verification", token).status()).isEqualTo(403);
        }
        assertThat(http.get("/access-log", null).status()).isEqualTo(401);
        Http.Response verification = http.get("/access-log/verification", TestTokens.dataProtection());
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("intact").asBoolean()).as(verification.body()).isTrue();
    }

    @Test
    void concurrent_reads_are_all_logged_in_one_unbroken_chain() throws Exception {
        Requests.Tree tree = Requests.Tree.create(http);
        String member = tree.introducer();
        String writer = tree.provinceWriter();
        List<Callable<Integer>> reads = java.util.stream.IntStream.range(0, 24)
                .<Callable<Integer>>mapToObj(i -> () -> http.get("/members/" + member, writer).status()).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (Future<Integer> status : pool.invokeAll(reads)) {
                assertThat(status.get()).isEqualTo(200);
            }
        }

        List<JsonNode> entries = awaitEntries(member, 24);
        assertThat(entries).extracting(entry -> entry.get("seq").asLong()).doesNotHaveDuplicates();
        JsonNode verification = http.get("/access-log/verification", TestTokens.dataProtection()).json();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong())
                .isGreaterThanOrEqualTo(entries.getLast().get("seq").asLong());
    }

    @Test
    void a_due_list_read_names_the_members_it_listed() {
        Requests.Tree tree = Requests.Tree.create(http);
        String member = "m-" + java.util.UUID.randomUUID();
        assertThat(http.post("/members/admissions", tree.provinceWriter(), tree.admission().memberId(member).build())
                .status()).isEqualTo(201);
        String path = "/organizations/" + tree.grassroots() + "/due-list";
        await().atMost(PATIENCE).until(() -> http.get(path, tree.provinceWriter()).body().contains(member));

        JsonNode entry = awaitEntries(member, 1).getFirst();

        assertThat(entry.get("path").asString()).isEqualTo(path);
        assertThat(entry.get("subject").asString()).isEqualTo(tree.grassroots());
        assertThat(entry.get("persons").values()).extracting(JsonNode::asString).contains(member);
    }

    @Test
    void the_log_refuses_a_bad_page_request_as_a_problem() {
        String dataProtection = TestTokens.dataProtection();

        assertThat(http.get("/access-log?from=yesterday", dataProtection).status()).isEqualTo(400);
        assertThat(http.get("/access-log?size=0", dataProtection).status()).isEqualTo(400);
        assertThat(http.get("/access-log?cursor=-1", dataProtection).status()).isEqualTo(400);
        assertThat(http.get("/access-log?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", dataProtection)
                .status()).isEqualTo(400);
    }

    /** The log's entries naming the subject, once there are {@code count} of them (all pages). */
    private List<JsonNode> awaitEntries(String subject, int count) {
        return await().atMost(PATIENCE).until(() -> entries(subject), entries -> entries.size() >= count);
    }

    private List<JsonNode> entries(String subject) {
        List<JsonNode> found = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Http.Response page = http.get("/access-log?subject=" + subject + "&size=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor), TestTokens.dataProtection());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            found.addAll(page.json().get("items").values());
            cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
        } while (cursor != null);
        return found;
    }
}
