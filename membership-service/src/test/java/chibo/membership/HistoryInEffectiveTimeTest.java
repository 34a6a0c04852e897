package chibo.membership;

import chibo.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static chibo.membership.HistoryFile.line;
import static chibo.membership.Requests.decision;
import static chibo.membership.Requests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One consistent history per member in effective time, through the API and through an import: a membership runs
 * from the admission or enrolment (Điều lệ Đảng, điều 4) to its end (điều 8, điều 35, death), a member is received
 * after the transfer decision (QĐ 24-QĐ/TW, điểm 6.3.1), and a decision that contradicts what is recorded after its
 * date is refused naming what it contradicts. History entered late, in any order that stays consistent, is taken.
 */
class HistoryInEffectiveTimeTest extends MembershipComponentTest {

    private static final String RULE_TYPE = "urn:chibo:problem:rule:history.in-effective-order";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Requests.Tree tree;
    private String writer;
    private String suffix;

    @BeforeEach
    void tree() {
        tree = Requests.Tree.create(http);
        writer = tree.provinceWriter();
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    private Http.Response accepted(String path, Map<String, Object> body) {
        Http.Response response = http.post(path, writer, body);
        assertThat(response.status()).as(path + " → " + response.body()).isIn(200, 201);
        return response;
    }

    /** An official member from the register, admitted 19/05/2015 (seq 1). */
    private String enrolled(String name) {
        String memberId = name + "-" + suffix;
        accepted("/members/enrolments", Requests.enrolment(memberId, tree.cell()));
        return memberId;
    }

    private List<String> history(String memberId) {
        return http.get("/members/" + memberId + "/history", writer).json().values().stream()
                .map(e -> e.get("type").asString()).toList();
    }

    private static void refusedNaming(Http.Response response, String field, String type, long seq, String date) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo(RULE_TYPE);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("source").asString()).isNotBlank();
        JsonNode conflict = problem.get("conflictsWith");
        assertThat(conflict.get("type").asString()).isEqualTo(type);
        assertThat(conflict.get("seq").asLong()).isEqualTo(seq);
        assertThat(conflict.get("effectiveDate").asString()).isEqualTo(date);
        assertThat(problem.get("detail").asString()).contains(type);
    }

    @Test
    void a_death_dated_before_the_admission_is_refused_naming_the_date_of_death() {
        String member = enrolled("early-death");

        Http.Response response = http.post("/members/" + member + "/death", writer, map("dateOfDeath", "2014-11-02"));

        refusedNaming(response, "dateOfDeath", "member.enrolled_from_register.v1", 1, "2015-05-19");
        assertThat(history(member)).containsExactly("member.enrolled_from_register.v1");
    }

    @Test
    void a_receipt_dated_before_the_transfer_decision_is_refused_and_one_on_or_after_it_is_taken() {
        String member = enrolled("moving");
        accepted("/members/" + member + "/transfers", decision("2025-03-01", tree.grassroots(), "kind", "OFFICIAL",
                "circumstance", "NEW_JOB", "toOrgId", tree.grassroots(), "toCellId", tree.otherCell()));

        Http.Response early = http.post("/members/" + member + "/transfers/receipt", writer,
                map("cellId", tree.otherCell(), "receivedOn", "2025-02-20"));

        refusedNaming(early, "receivedOn", "member.transfer_started.v1", 2, "2025-03-01");
        Http.Response received = accepted("/members/" + member + "/transfers/receipt",
                map("cellId", tree.otherCell(), "receivedOn", "2025-03-01"));
        assertThat(received.json().get("cellId").asString()).isEqualTo(tree.otherCell());
    }

    @Test
    void a_backdated_expulsion_before_a_recorded_later_rating_is_refused_naming_the_rating() {
        String member = enrolled("expelled");
        accepted("/members/" + member + "/ratings", decision("2024-12-20", tree.grassroots(), "year", 2024,
                "level", "GOOD", "points", 80));

        Http.Response response = http.post("/members/" + member + "/expulsion", writer,
                decision("2024-06-01", tree.grassroots(), "reason", "serious violation"));

        refusedNaming(response, "decisionDate", "member.rated.v1", 2, "2024-12-20");
        JsonNode unchanged = http.get("/members/" + member, writer).json();
        assertThat(unchanged.get("status").asString()).isEqualTo("OFFICIAL");
        assertThat(history(member)).containsExactly("member.enrolled_from_register.v1", "member.rated.v1");
        // the same expulsion dated after the rating stands
        accepted("/members/" + member + "/expulsion", decision("2025-01-06", tree.grassroots(), "reason",
                "serious violation"));
    }

    /** A consistent history, the later decisions of each independent kind entered first. */
    private void lateEnteredOutOfOrder(String member) {
        String g = tree.grassroots();
        accepted("/members/" + member + "/ratings", decision("2024-12-20", g, "year", 2024, "level", "GOOD",
                "points", 80));
        accepted("/members/" + member + "/ratings", decision("2023-12-18", g, "year", 2023, "level", "GOOD",
                "points", 85));
        accepted("/members/" + member + "/temporary-transfers", decision("2023-05-10", g, "hostCellId",
                tree.otherCell(), "reason", "WORK", "until", "2023-11-01"));
        accepted("/members/" + member + "/temporary-transfers/end", map("endedOn", "2023-11-01"));
        accepted("/members/" + member + "/transfers", decision("2025-03-01", g, "kind", "OFFICIAL", "circumstance",
                "NEW_JOB", "toOrgId", g, "toCellId", tree.otherCell()));
        accepted("/members/" + member + "/transfers/receipt", map("cellId", tree.otherCell(), "receivedOn",
                "2025-03-20"));
        accepted("/members/" + member + "/death", map("dateOfDeath", "2025-10-10"));
    }

    private void inOrder(String member) {
        String g = tree.grassroots();
        accepted("/members/" + member + "/temporary-transfers", decision("2023-05-10", g, "hostCellId",
                tree.otherCell(), "reason", "WORK", "until", "2023-11-01"));
        accepted("/members/" + member + "/temporary-transfers/end", map("endedOn", "2023-11-01"));
        accepted("/members/" + member + "/ratings", decision("2023-12-18", g, "year", 2023, "level", "GOOD",
                "points", 85));
        accepted("/members/" + member + "/ratings", decision("2024-12-20", g, "year", 2024, "level", "GOOD",
                "points", 80));
        accepted("/members/" + member + "/transfers", decision("2025-03-01", g, "kind", "OFFICIAL", "circumstance",
                "NEW_JOB", "toOrgId", g, "toCellId", tree.otherCell()));
        accepted("/members/" + member + "/transfers/receipt", map("cellId", tree.otherCell(), "receivedOn",
                "2025-03-20"));
        accepted("/members/" + member + "/death", map("dateOfDeath", "2025-10-10"));
    }

    @Test
    void a_consistent_history_entered_late_and_out_of_order_is_taken_and_leaves_the_member_as_in_order() {
        String late = enrolled("late");
        String ordered = enrolled("ordered");

        lateEnteredOutOfOrder(late);
        inOrder(ordered);

        JsonNode a = http.get("/members/" + late, writer).json();
        JsonNode b = http.get("/members/" + ordered, writer).json();
        assertThat(a.get("status").asString()).isEqualTo("DECEASED");
        for (String field : List.of("status", "cellId", "leftOn", "ratings")) {
            assertThat(a.get(field)).as(field).isEqualTo(b.get(field));
        }
    }

    @Test
    void ratings_and_a_discipline_of_years_before_a_recorded_death_are_taken_and_leave_the_member_as_in_order() {
        String g = tree.grassroots();
        String late = enrolled("rated-late");
        String ordered = enrolled("rated-in-order");
        Map<String, Object> rating2023 = decision("2023-12-18", g, "year", 2023, "level", "GOOD", "points", 85);
        Map<String, Object> rating2024 = decision("2024-12-20", g, "year", 2024, "level", "COMPLETED", "points",
                60);
        // found and remedied by the member: it does not make the year's rating NOT_COMPLETED (QĐ 124-QĐ/TW, điều 12)
        Map<String, Object> discipline = decision("2024-03-05", g, "level", "REPRIMAND", "reason",
                "late with dues", "selfReportedAndRemedied", true);
        Map<String, Object> death = map("dateOfDeath", "2025-10-10");

        accepted("/members/" + ordered + "/ratings", rating2023);
        accepted("/members/" + ordered + "/disciplines", discipline);
        accepted("/members/" + ordered + "/ratings", rating2024);
        accepted("/members/" + ordered + "/death", death);
        accepted("/members/" + late + "/death", death);
        accepted("/members/" + late + "/ratings", rating2024);
        accepted("/members/" + late + "/disciplines", discipline);
        accepted("/members/" + late + "/ratings", rating2023);

        JsonNode a = http.get("/members/" + late, writer).json();
        JsonNode b = http.get("/members/" + ordered, writer).json();
        assertThat(a.get("status").asString()).isEqualTo("DECEASED");
        assertThat(a.get("ratings").size()).isEqualTo(2);
        for (String field : List.of("status", "cellId", "leftOn", "ratings")) {
            assertThat(a.get(field)).as(field).isEqualTo(b.get(field));
        }
    }

    @Test
    void a_rating_dated_after_a_recorded_death_is_refused_by_the_members_state_and_nothing_is_stored() {
        String member = enrolled("rated-dead");
        accepted("/members/" + member + "/death", map("dateOfDeath", "2025-01-10"));

        Http.Response response = http.post("/members/" + member + "/ratings", writer, decision("2025-12-20",
                tree.grassroots(), "year", 2025, "level", "GOOD", "points", 80));

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("ended on 2025-01-10");
        assertThat(history(member)).containsExactly("member.enrolled_from_register.v1", "member.deceased.v1");
    }

    @Test
    void a_member_removed_while_in_transit_is_received_nowhere() {
        String member = enrolled("removed-moving");
        accepted("/members/" + member + "/transfers", decision("2025-03-01", tree.grassroots(), "kind", "OFFICIAL",
                "circumstance", "NEW_JOB", "toOrgId", tree.grassroots(), "toCellId", tree.otherCell()));
        accepted("/members/" + member + "/removal", decision("2025-04-01", tree.grassroots(), "ground",
                "NO_PROGRESS_AFTER_HELP"));

        Http.Response response = http.post("/members/" + member + "/transfers/receipt", writer,
                map("cellId", tree.otherCell(), "receivedOn", "2025-04-20"));

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(http.get("/members/" + member, writer).json().get("cellId").asString()).isEqualTo(tree.cell());
        assertThat(history(member)).containsExactly("member.enrolled_from_register.v1", "member.transfer_started.v1",
                "member.removed.v1");
    }

    private List<JsonNode> importResults(String lines) throws IOException, InterruptedException {
        Http.Response accepted = Imports.upload(port, writer, HttpRequest.BodyPublishers.ofString(lines));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("location");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get(location, writer).json().get("state").asString().equals("DONE"));
        return Arrays.stream(http.get(location + "/results", writer).body().split("\n"))
                .filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    @Test
    void an_import_with_a_members_lines_out_of_date_order_is_taken_and_a_line_that_contradicts_the_record_is_not()
            throws Exception {
        String g = tree.grassroots();
        String member = "imported-" + suffix;
        String recorded = enrolled("recorded");
        accepted("/members/" + recorded + "/ratings", decision("2024-12-20", g, "year", 2024, "level", "GOOD",
                "points", 80));
        Map<String, Object> enrolment = Requests.enrolment(member, tree.cell());
        enrolment.remove("memberId");

        List<JsonNode> results = importResults(String.join("\n",
                line("record-death", member, map("dateOfDeath", "2025-10-10")),
                line("receive-transfer", member, map("cellId", tree.otherCell(), "receivedOn", "2025-03-20")),
                line("start-transfer", member, decision("2025-03-01", g, "kind", "OFFICIAL", "circumstance",
                        "NEW_JOB", "toOrgId", g, "toCellId", tree.otherCell())),
                line("rate", member, decision("2024-12-20", g, "year", 2024, "level", "GOOD", "points", 80)),
                line("enrol", member, enrolment),
                line("expel", recorded, decision("2024-06-01", g, "reason", "serious violation"))));

        assertThat(results).hasSize(6);
        assertThat(results.subList(0, 5)).extracting(r -> r.get("status").asString()).as(results.toString())
                .containsOnly("ACCEPTED");
        JsonNode refused = results.get(5);
        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("problem").get("type").asString()).isEqualTo(RULE_TYPE);
        assertThat(refused.get("problem").get("errors").get(0).get("field").asString()).isEqualTo("decisionDate");
        JsonNode conflict = refused.get("problem").get("conflictsWith");
        assertThat(conflict.get("type").asString()).isEqualTo("member.rated.v1");
        assertThat(conflict.get("seq").asLong()).isEqualTo(2);
        assertThat(conflict.get("effectiveDate").asString()).isEqualTo("2024-12-20");
        assertThat(history(member)).containsExactly("member.enrolled_from_register.v1", "member.rated.v1",
                "member.transfer_started.v1", "member.transfer_received.v1", "member.deceased.v1");
    }
}
