package chibo.membership;

import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import chibo.testsupport.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk NDJSON import of generated history: per-line results, exact counts, each member's lines in effective-date
 * order, one bad line never blocking the others, and a re-run of the same file changing nothing.
 */
class BulkImportTest extends MembershipComponentTest {

    /** 20,000 members × 5 lines = 100,000 lines; {@code -Dchibo.import.members=N} for a quicker look. */
    private static final int MEMBERS = Integer.getInteger("chibo.import.members", 20_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MongoClient MONGO = MongoClients.create(TestMongo.uri("membership"));

    @AfterAll
    static void close() {
        MONGO.close();
    }

    private static long memberEvents() {
        return MONGO.getDatabase("membership").getCollection("party_membership_events").countDocuments();
    }

    private Http.Response upload(String token, java.nio.file.Path file) throws IOException, InterruptedException {
        return Imports.upload(port, token, HttpRequest.BodyPublishers.ofFile(file));
    }

    private JsonNode awaitDone(String token, String location) {
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            job[0] = http.get(location, token).json();
            return job[0].get("state").asString().equals("DONE");
        });
        return job[0];
    }

    private List<JsonNode> results(String token, String location) {
        Http.Response response = http.get(location + "/results", token);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        return Arrays.stream(response.body().split("\n")).filter(line -> !line.isBlank()).map(JSON::readTree)
                .toList();
    }

    @Test
    void a_hundred_thousand_lines_of_history_import_with_exact_counts_and_a_rerun_changes_nothing() throws Exception {
        Requests.Tree tree = Requests.Tree.create(http);
        String writer = tree.provinceWriter();
        HistoryFile file = HistoryFile.generate(tree, "bulk-" + UUID.randomUUID().toString().substring(0, 6),
                MEMBERS, 1000, 3);
        long before = memberEvents();

        long started = System.nanoTime();
        Http.Response accepted = upload(writer, file.path);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("total").asLong()).isEqualTo(file.lines());
        JsonNode job = awaitDone(writer, accepted.header("location"));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("imported %d lines (%.1f MB) in %.1f s (%.0f lines/s)%n", file.lines(),
                java.nio.file.Files.size(file.path) / 1e6, seconds, file.lines() / seconds);

        // every line has a result; the bad ones are named, everything else accepted
        assertThat(job.get("total").asLong()).isEqualTo(file.lines());
        assertThat(job.get("done").asLong()).isEqualTo(file.lines());
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("rejected").asLong()).isEqualTo(file.badRecognitions + file.malformed);
        assertThat(job.get("accepted").asLong()).isEqualTo(file.validLines());
        assertThat(memberEvents() - before).as("one event per accepted line").isEqualTo(file.validLines());
        List<JsonNode> results = results(writer, accepted.header("location"));
        assertThat(results).hasSize(file.lines());
        assertThat(results).extracting(r -> r.get("line").asLong()).isSorted().doesNotHaveDuplicates();
        Map<String, Long> rejectedBy = results.stream().filter(r -> r.get("status").asString().equals("REJECTED"))
                .collect(Collectors.groupingBy(r -> r.get("problem").get("type").asString(), Collectors.counting()));
        assertThat(rejectedBy).containsEntry("urn:chibo:problem:rule:probation.served", (long) file.badRecognitions)
                .containsEntry("urn:chibo:problem:malformed-json", (long) file.malformed);

        // a member whose recognition was refused still got their later lines: rated and reprimanded as a probationer
        String firstBad = results.stream().filter(r -> r.get("status").asString().equals("REJECTED")
                        && r.has("memberId")).map(r -> r.get("memberId").asString()).findFirst().orElseThrow();
        JsonNode member = http.get("/members/" + firstBad, writer).json();
        assertThat(member.get("status").asString()).isEqualTo("PROBATIONARY");
        assertThat(member.get("version").asLong()).isEqualTo(4);
        assertThat(member.get("ratings").size()).isEqualTo(1);

        // effective-date order per member, whatever the order in the file
        String someone = results.stream().filter(r -> r.get("status").asString().equals("ACCEPTED")
                && r.has("memberId")).map(r -> r.get("memberId").asString()).skip(7).findFirst().orElseThrow();
        List<String> types = http.get("/members/" + someone + "/history", writer).json().values().stream()
                .map(e -> e.get("type").asString()).toList();
        assertThat(types).containsExactly("member.admitted.v1", "member.sworn_in.v1", "member.recognized.v1",
                "member.rated.v1", "member.disciplined.v1");

        // the same file again: nothing new is stored, every accepted line is recognised as already applied
        long afterFirstRun = memberEvents();
        Http.Response again = upload(writer, file.path);
        JsonNode rerun = awaitDone(writer, again.header("location"));
        assertThat(memberEvents()).isEqualTo(afterFirstRun);
        assertThat(rerun.get("accepted").asLong()).isZero();
        assertThat(rerun.get("duplicate").asLong()).isEqualTo(file.validLines());
        assertThat(rerun.get("rejected").asLong()).isEqualTo(file.badRecognitions + file.malformed);
    }

    @Test
    void a_register_moves_its_members_between_villages_by_change_of_residence_lines() throws Exception {
        Requests.Tree tree = Requests.Tree.create(http);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String writer = tree.provinceWriter();
        for (String unit : List.of("UA-" + suffix, "UB-" + suffix)) {
            assertThat(http.post("/organizations/" + tree.commune() + "/units", writer, Map.of("unitId", unit,
                    "name", "Thôn " + unit, "kind", "VILLAGE")).status()).isEqualTo(200);
        }
        String mover = "res-" + suffix;
        Map<String, Object> enrol = new LinkedHashMap<>(Requests.enrolment(mover, tree.cell()));
        enrol.put("command", "enrol");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("chibo-import", ".ndjson");
        java.nio.file.Files.writeString(file, String.join("\n",
                JSON.writeValueAsString(enrol),
                "{\"command\": \"change-residence\", \"memberId\": \"" + mover + "\", \"residenceUnitId\": \"UB-"
                        + suffix + "\", \"unitOrgId\": \"" + tree.commune() + "\", \"effectiveDate\": \"2025-09-01\"}",
                "{\"command\": \"change-residence\", \"memberId\": \"" + mover + "\", \"residenceUnitId\": \"UA-"
                        + suffix + "\", \"unitOrgId\": \"" + tree.commune() + "\", \"effectiveDate\": \"2025-06-01\"}",
                "{\"command\": \"change-residence\", \"memberId\": \"" + mover + "\", \"residenceUnitId\": \"NOWHERE-"
                        + suffix + "\", \"unitOrgId\": \"" + tree.commune() + "\", \"effectiveDate\": \"2025-10-01\"}"));

        Http.Response accepted = upload(writer, file);
        awaitDone(writer, accepted.header("location"));
        List<JsonNode> results = results(writer, accepted.header("location"));

        assertThat(results).extracting(r -> r.get("status").asString())
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "REJECTED");
        assertThat(results.get(3).get("problem").get("type").asString())
                .isEqualTo("urn:chibo:problem:unknown-reference");
        JsonNode member = http.get("/members/" + mover, writer).json();
        assertThat(member.get("person").get("residenceUnitId").asString()).as("in effective order: June, then"
                + " September").isEqualTo("UB-" + suffix);
        assertThat(member.get("residences").values().stream().filter(r -> r.hasNonNull("unitId"))
                .map(r -> r.get("unitId").asString()).toList()).containsExactly("UA-" + suffix, "UB-" + suffix);
    }

    @Test
    void an_unknown_command_and_a_line_without_its_fields_are_rejected_by_name() throws Exception {
        Requests.Tree tree = Requests.Tree.create(http);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("chibo-import", ".ndjson");
        java.nio.file.Files.writeString(file, String.join("\n",
                "{\"command\": \"teleport\", \"memberId\": \"x\"}",
                "{\"command\": \"rate\", \"memberId\": \"" + tree.introducer() + "\", \"year\": 2025}",
                "[1, 2, 3]"));

        Http.Response accepted = upload(tree.provinceWriter(), file);
        awaitDone(tree.provinceWriter(), accepted.header("location"));
        List<JsonNode> results = results(tree.provinceWriter(), accepted.header("location"));

        assertThat(results).extracting(r -> r.get("status").asString()).containsOnly("REJECTED");
        assertThat(results.get(0).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("command");
        assertThat(results.get(1).get("problem").get("errors").values().stream()
                .map(e -> e.get("field").asString()).toList()).contains("level", "points", "decisionDate");
        assertThat(results.get(2).get("problem").get("type").asString()).isEqualTo("urn:chibo:problem:malformed-json");
    }

    @Test
    void only_writers_import_and_an_unknown_job_is_not_found() throws Exception {
        Requests.Tree tree = Requests.Tree.create(http);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("chibo-import", ".ndjson");
        java.nio.file.Files.writeString(file, "{}\n");

        assertThat(upload(chibo.testsupport.TestTokens.reader(tree.province()), file).status()).isEqualTo(403);
        assertThat(http.get("/imports/" + UUID.randomUUID(), tree.provinceWriter()).status()).isEqualTo(404);
    }

    @Test
    void a_job_is_seen_by_its_creator_and_the_auditors_of_its_subtree_and_by_no_one_else() throws Exception {
        Requests.Tree tree = Requests.Tree.create(http);
        Requests.Tree elsewhere = Requests.Tree.create(http);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("chibo-import", ".ndjson");
        java.nio.file.Files.writeString(file, "{\"command\": \"rate\", \"memberId\": \"" + tree.introducer()
                + "\", \"year\": 2025}\n");
        String location = upload(tree.provinceWriter(), file).header("location");
        awaitDone(tree.provinceWriter(), location);
        String unknown = "/imports/" + UUID.randomUUID();

        for (String stranger : List.of(TestTokens.writer(elsewhere.province()), TestTokens.writer(tree.cell()),
                TestTokens.token("auditor-" + elsewhere.province(), List.of("auditor"), elsewhere.province()))) {
            for (String path : List.of(location, location + "/results")) {
                Http.Response response = http.get(path, stranger);
                assertThat(response.status()).as(path + " " + response.body()).isEqualTo(404);
                assertThat(response.json().get("title").asString())
                        .as("answered as for a job that does not exist")
                        .isEqualTo(http.get(unknown, stranger).json().get("title").asString());
            }
        }
        for (String entitled : List.of(TestTokens.auditor(), TestTokens.token("auditor-" + tree.province(),
                List.of("auditor"), tree.province()), TestTokens.token("auditor-" + tree.central(),
                List.of("auditor"), tree.central()))) {
            assertThat(http.get(location, entitled).json().get("total").asLong()).isEqualTo(1);
            assertThat(results(entitled, location)).hasSize(1);
        }
        assertThat(http.get(location, TestTokens.reader(tree.province())).status()).isEqualTo(403);
    }
}
