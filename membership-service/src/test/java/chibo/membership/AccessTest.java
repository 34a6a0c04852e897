package chibo.membership;

import chibo.testsupport.AuthorizationMatrix;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest extends MembershipComponentTest {

    @Test
    void a_request_without_a_token_gets_401_as_a_problem() {
        Http.Response response = http.post("/organizations", null, Map.of("name", "x"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:chibo:problem:unauthenticated");
    }

    @Test
    void an_expired_or_forged_token_gets_401() {
        String expired = TestTokens.token("agency-x", List.of("agency-writer"), "TW", Instant.now().minusSeconds(60));
        String[] parts = TestTokens.writer("HG").split("\\.");
        String widened = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"HG\"", "\"TW\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes())
                + "." + parts[2];
        assertThat(widened).as("the forged claims").contains("\"org\":\"TW\"");

        assertThat(http.get("/organizations/TW", expired).status()).isEqualTo(401);
        assertThat(http.get("/organizations/TW", forged).status()).isEqualTo(401);
    }

    @Test
    void health_needs_no_token() {
        Http.Response health = http.get("/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
    }

    @Test
    void the_openapi_description_is_public_and_names_the_lifecycle_operations() {
        Http.Response docs = http.get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("chibo membership-service");
        assertThat(docs.json().get("paths").has("/members/admissions")).isTrue();
        assertThat(docs.json().get("paths").has("/members/{memberId}/history")).isTrue();
        assertThat(docs.json().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void every_operation_admits_exactly_the_roles_its_description_declares() {
        List<AuthorizationMatrix.Cell> cells = AuthorizationMatrix.run(http, "TW-matrix", Map.of(
                "memberId", "m-matrix", "orgId", "TW-matrix", "id", "TW-matrix", "jobId", "job-matrix"));

        assertThat(cells).extracting(cell -> cell.method() + " " + cell.path())
                .contains("POST /members/admissions", "GET /members/{memberId}/history");
        assertThat(cells).filteredOn(cell -> !cell.holds()).isEmpty();
    }

    @Test
    void metrics_need_the_metrics_reader_role() {
        assertThat(http.get("/actuator/prometheus", TestTokens.writer("TW")).status()).isEqualTo(403);
        Http.Response metrics = http.get("/actuator/prometheus",
                TestTokens.token("prometheus", List.of("metrics-reader"), null));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("chibo_outbox_lag");
    }

    @Test
    void a_writer_for_another_subtree_gets_403_naming_the_field() {
        Requests.Tree tree = Requests.Tree.create(http);
        String otherProvinceWriter = TestTokens.writer("HN-elsewhere");

        Http.Response response = http.post("/members/admissions", otherProvinceWriter,
                tree.admission().build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:chibo:problem:outside-subtree");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cellId");
    }

    @Test
    void a_writer_scoped_below_the_cell_cannot_act_on_a_sibling() {
        Requests.Tree tree = Requests.Tree.create(http);

        Http.Response response = http.post("/members/admissions", TestTokens.writer(tree.otherCell()),
                tree.admission().with("cellId", tree.cell()).with("decidingOrgId", tree.otherCell()).build());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void a_dashboard_reader_cannot_write() {
        Requests.Tree tree = Requests.Tree.create(http);

        Http.Response response = http.post("/members/admissions", TestTokens.reader(tree.central()),
                tree.admission().build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:chibo:problem:forbidden");
    }

    @Test
    void a_caller_without_the_role_gets_403_before_its_request_is_read_or_validated() {
        String reader = TestTokens.reader("TW");
        String auditor = TestTokens.auditor();

        Http.Response invalid = http.post("/members/admissions", reader, Map.of());
        Http.Response malformed = http.post("/members/admissions", auditor, "{\"cellId\": ");
        Http.Response badPath = http.post("/members/m-1/transfers/receipt", reader, Map.of("cellId", 7));

        for (Http.Response response : List.of(invalid, malformed, badPath)) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:chibo:problem:forbidden");
            assertThat(response.json().has("errors")).as("no validation rules revealed").isFalse();
        }
        Http.Response writer = http.post("/members/admissions", TestTokens.writer("TW"), Map.of());
        assertThat(writer.status()).as("a writer's invalid request is still a 400").isEqualTo(400);
        assertThat(writer.json().get("errors")).isNotEmpty();
    }

    @Test
    void a_transfer_receipt_tells_another_province_nothing_of_a_member_not_sent_to_it() {
        Requests.Tree tree = Requests.Tree.create(http);
        Requests.Tree elsewhere = Requests.Tree.create(http);
        String outsider = TestTokens.writer(elsewhere.province());
        String member = tree.introducer();
        Map<String, Object> receipt = Map.of("cellId", elsewhere.cell(), "receivedOn", "2026-03-20",
                "decidingOrgId", elsewhere.grassroots());

        Http.Response notSentHere = http.post("/members/" + member + "/transfers/receipt", outsider, receipt);

        assertThat(notSentHere.status()).as(notSentHere.body()).isEqualTo(403);
        assertThat(notSentHere.json().get("type").asString()).isEqualTo("urn:chibo:problem:outside-subtree");
        assertThat(notSentHere.json().get("errors").get(0).get("field").asString()).isEqualTo("memberId");
        assertThat(notSentHere.body()).doesNotContain(tree.cell()).doesNotContainIgnoringCase("transit")
                .doesNotContain("OFFICIAL");
        Http.Response ownSide = http.post("/members/" + member + "/transfers/receipt", tree.provinceWriter(),
                Map.of("cellId", tree.otherCell(), "receivedOn", "2026-03-20"));
        assertThat(ownSide.status()).as("the member's own side learns it is not in transit").isEqualTo(409);

        Http.Response sent = http.post("/members/" + member + "/transfers", tree.provinceWriter(), Map.of(
                "kind", "OFFICIAL", "circumstance", "NEW_JOB", "toOrgId", elsewhere.grassroots(),
                "toCellId", elsewhere.cell(), "decisionDate", "2026-03-01", "decidingOrgId", tree.grassroots()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Http.Response received = http.post("/members/" + member + "/transfers/receipt", outsider, receipt);
        assertThat(received.status()).as("the side it was sent to receives it: " + received.body()).isEqualTo(200);
        assertThat(received.json().get("cellId").asString()).isEqualTo(elsewhere.cell());
    }

    @Test
    void a_reader_sees_only_its_subtree() {
        Requests.Tree tree = Requests.Tree.create(http);

        assertThat(http.get("/organizations/" + tree.cell(), TestTokens.reader(tree.grassroots())).status())
                .isEqualTo(200);
        assertThat(http.get("/organizations/" + tree.province(), TestTokens.reader(tree.grassroots())).status())
                .isEqualTo(403);
    }
}
