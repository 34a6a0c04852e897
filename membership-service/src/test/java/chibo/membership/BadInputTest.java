package chibo.membership;

import chibo.testsupport.Http;
import chibo.testsupport.TestMongo;
import chibo.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad request gets a problem naming the field and rule, and leaves the store exactly as it was. */
class BadInputTest extends MembershipComponentTest {

    private static final List<String> COLLECTIONS = List.of("party_organization_events", "party_membership_events",
            "organizations", "members");
    private static final MongoClient MONGO = MongoClients.create(TestMongo.uri("membership"));

    private Requests.Tree tree;
    private String writer;

    @BeforeEach
    void tree() {
        tree = Requests.Tree.create(http);
        writer = tree.provinceWriter();
    }

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void malformed_json_is_refused_with_its_position() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                "{\"person\": {\"fullName\": \"A\",}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:malformed-json");
        assertThat(response.json().get("detail").asString()).contains("line 1");
    }

    @Test
    void missing_fields_are_each_named_with_their_rule() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().without("cellId").personWithout("fullName")
                        .without("decisionDate").build()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:invalid-request");
        assertThat(fields(response)).containsExactly("cellId", "decisionDate", "person.fullName");
        assertThat(rules(response)).containsExactly("not-blank", "not-null", "not-blank");
    }

    @Test
    void a_body_with_almost_nothing_in_it_gets_every_missing_field_named_at_once() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                Map.of("cellId", tree.cell(), "vote", Map.of("officialMembers", 5))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("cellResolutionDate", "decidingOrgId", "decisionDate",
                "decisionNumber", "introducers", "person", "vote.exemptedAbsent", "vote.inFavour",
                "vote.temporarilyTransferredOut");
    }

    @Test
    void a_value_of_the_wrong_type_is_named_by_its_path() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission()
                        .with("vote", Map.of("officialMembers", "many")).build()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("vote.officialMembers");
    }

    @Test
    void a_date_in_the_wrong_format_is_named() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().personWith("birthDate", "12/04/1998").build()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("person.birthDate");
        assertThat(rules(response)).containsExactly("format");
    }

    @Test
    void an_unknown_enumeration_value_is_named() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().personWith("sex", "OTHER").build()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("person.sex");
    }

    @Test
    void an_unknown_cell_is_named() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().with("cellId", "no-such-cell").with("decidingOrgId", tree.grassroots()).build()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:unknown-reference");
        assertThat(fields(response)).containsExactly("cellId");
    }

    @Test
    void an_unknown_deciding_organisation_is_named() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().with("cellId", tree.cell()).with("decidingOrgId", "no-such-committee").build()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("decidingOrgId");
    }

    @Test
    void members_belong_to_cells_not_to_committees() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().with("cellId", tree.grassroots()).with("decidingOrgId", tree.grassroots()).build()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("cellId");
        assertThat(rules(response)).containsExactly("holds-members");
    }

    @Test
    void a_decision_before_the_cells_resolution_breaks_the_deadline_rule() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().with("cellResolutionDate", "2025-10-01").build()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:rule:admission.decision-deadline");
        assertThat(fields(response)).containsExactly("decisionDate");
        assertThat(response.json().get("source").asString()).contains("QĐ 294-QĐ/TW");
    }

    @Test
    void a_member_id_already_taken_is_a_conflict() {
        String memberId = "m-" + UUID.randomUUID();
        Requests.created(http.post("/members/admissions", writer,
                tree.admission().memberId(memberId).build()));

        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer,
                tree.admission().memberId(memberId).build()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:already-exists");
        assertThat(fields(response)).containsExactly("memberId");
    }

    @Test
    void an_organisation_under_an_unknown_parent_is_refused() {
        Http.Response response = refusedUnchanged(() -> http.post("/organizations", TestTokens.writer(tree.central()),
                Requests.organization("X-" + UUID.randomUUID(), "Chi bộ", "CELL", "no-such-parent")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("parentId");
    }

    @Test
    void a_cell_directly_under_a_province_breaks_the_tree_rule() {
        Http.Response response = refusedUnchanged(() -> http.post("/organizations", writer,
                Requests.organization("X-" + UUID.randomUUID(), "Chi bộ", "CELL", tree.province())));

        assertThat(response.status()).isEqualTo(422);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:rule:organization.level-under-parent");
        assertThat(fields(response)).containsExactly("level");
    }

    @Test
    void no_district_can_be_founded_after_the_2025_reform() {
        Map<String, Object> district = Requests.organization("X-" + UUID.randomUUID(), "Huyện ủy", "DISTRICT",
                tree.province());

        Http.Response response = refusedUnchanged(() -> http.post("/organizations", writer, district));

        assertThat(response.status()).isEqualTo(422);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:rule:organization.no-district-level");
        assertThat(response.json().get("source").asString()).contains("QĐ 294");
        district.put("effectiveDate", "2025-06-30");
        assertThat(http.post("/organizations", writer, district).status()).isEqualTo(201);
    }

    @Test
    void a_body_that_is_not_json_is_refused() {
        Http.Response response = refusedUnchanged(() -> http.send("POST", "/members/admissions", writer,
                "person=x", Map.of("Content-Type", "application/x-www-form-urlencoded")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:unsupported-media-type");
    }

    @Test
    void an_empty_body_is_refused() {
        Http.Response response = refusedUnchanged(() -> http.post("/members/admissions", writer, ""));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void an_unknown_member_is_not_found() {
        Http.Response response = http.get("/members/nobody-" + UUID.randomUUID(), writer);

        assertThat(response.status()).isEqualTo(404);
        assertThat(type(response)).isEqualTo("urn:chibo:problem:not-found");
    }

    private Http.Response refusedUnchanged(java.util.function.Supplier<Http.Response> request) {
        Map<String, Long> before = counts();
        Http.Response response = request.get();
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        assertThat(counts()).as("documents per collection after a refused request").isEqualTo(before);
        return response;
    }

    private static Map<String, Long> counts() {
        MongoDatabase database = MONGO.getDatabase("membership");
        return COLLECTIONS.stream().collect(java.util.stream.Collectors.toMap(c -> c,
                c -> database.getCollection(c).countDocuments()));
    }

    private static String type(Http.Response response) {
        return response.json().get("type").asString();
    }

    private static List<String> fields(Http.Response response) {
        return response.json().get("errors").values().stream().map(e -> e.get("field").asString()).toList();
    }

    private static List<String> rules(Http.Response response) {
        return response.json().get("errors").values().stream().map(e -> e.get("rule").asString()).toList();
    }
}
