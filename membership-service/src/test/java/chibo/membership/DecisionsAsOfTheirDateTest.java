package chibo.membership;

import chibo.membership.organization.Occupants;
import chibo.testsupport.Http;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static chibo.membership.Requests.created;
import static chibo.membership.Requests.decision;
import static chibo.membership.Requests.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every decision is checked against the world as it stood on its date: the cell and the deciding committee stood
 * then (Điều lệ Đảng, điều 10), the committee was above the cell then, and the introducers were official members on
 * the day of the cell's resolution (Điều lệ Đảng, điều 4). A district committee the 2025 reform dissolved
 * (QĐ 294-QĐ/TW, from 01/07/2025) stands for its earlier decisions; a body founded later never does.
 */
class DecisionsAsOfTheirDateTest extends MembershipComponentTest {

    private static final String EXISTED = "urn:chibo:problem:rule:organization.existed-on-date";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Occupants occupants;

    private Requests.Tree tree;
    private String writer;
    private String suffix;

    @BeforeEach
    void tree() {
        tree = Requests.Tree.create(http);
        writer = tree.provinceWriter();
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    /** A district (1990) above a commune committee and its village cell; the ids of the three. */
    private record District(String district, String commune, String cell) {
    }

    private District district() {
        District d = new District("HU-" + suffix, "XA-" + suffix, "CB-" + suffix);
        created(http.post("/organizations", writer, Requests.organization(d.district(), "Huyện ủy Sơn Dương",
                "DISTRICT", tree.province(), Requests.Tree.FOUNDED)));
        created(http.post("/organizations", writer, Requests.organization(d.commune(), "Đảng ủy xã Hợp Thành",
                "COMMUNE", d.district(), Requests.Tree.FOUNDED)));
        created(http.post("/organizations", writer, Requests.organization(d.cell(), "Chi bộ thôn Cầu Trâm", "CELL",
                d.commune(), Requests.Tree.FOUNDED)));
        return d;
    }

    /** The 2025 reform: the commune answers to the province, and the district is dissolved, from 01/07/2025. */
    private void reform(District d) {
        ok(http.post("/organizations/" + d.commune() + "/move", writer, map("newParentId", tree.province(),
                "effectiveDate", "2025-07-01", "decisionNumber", "1-QĐ/TU")));
        ok(http.post("/organizations/" + d.district() + "/dissolution", writer, map("reason",
                "sắp xếp đơn vị hành chính, QĐ 294-QĐ/TW", "effectiveDate", "2025-07-01", "decisionNumber",
                "2-QĐ/TU")));
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    /** An admission into {@code cellId} by {@code decidingOrgId}, resolved and decided on the days given. */
    private Map<String, Object> admission(String memberId, String cellId, String decidingOrgId, String resolved,
                                          String decided) {
        return tree.admission().memberId(memberId)
                .with("cellId", cellId).with("decidingOrgId", decidingOrgId)
                .with("cellResolutionDate", resolved).with("decisionDate", decided)
                .with("awarenessCertificate", Map.of("number", "NT-" + memberId, "issuedOn", "2023-05-02"))
                .build();
    }

    private static void refused(Http.Response response, String type, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private void notStored(String memberId) {
        assertThat(http.get("/members/" + memberId, writer).status()).isEqualTo(404);
    }

    @Test
    void a_pre_reform_admission_by_a_district_dissolved_in_2025_is_accepted_though_entered_after_the_reform() {
        District d = district();
        reform(d);

        Http.Response admitted = http.post("/members/admissions", writer,
                admission("pre-" + suffix, d.cell(), d.district(), "2025-06-02", "2025-06-30"));

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        JsonNode member = http.get("/members/pre-" + suffix, writer).json();
        assertThat(member.get("status").asString()).isEqualTo("PROBATIONARY");
        assertThat(member.get("admittedOn").asString()).isEqualTo("2025-06-30");
    }

    @Test
    void the_dissolved_district_named_for_a_decision_after_its_dissolution_is_refused_naming_the_deciding_committee() {
        District d = district();
        reform(d);

        Http.Response response = http.post("/members/admissions", writer,
                admission("post-" + suffix, d.cell(), d.district(), "2025-07-15", "2025-08-05"));

        refused(response, EXISTED, "decidingOrgId");
        assertThat(response.json().get("detail").asString()).contains("dissolved on 2025-07-01");
        assertThat(response.json().get("organization").get("dissolvedOn").asString()).isEqualTo("2025-07-01");
        notStored("post-" + suffix);
        // the commune committee, directly under the province from the reform, decides it
        ok(http.post("/members/admissions", writer,
                admission("post-" + suffix, d.cell(), d.commune(), "2025-07-15", "2025-08-05")));
    }

    private Http.Response dissolve(String orgId, String date) {
        return http.post("/organizations/" + orgId + "/dissolution", writer, map("reason",
                "sắp xếp tổ chức", "effectiveDate", date, "decisionNumber", "3-QĐ/TU"));
    }

    private static JsonNode refusedAsNotEmpty(Http.Response response) {
        refused(response, "urn:chibo:problem:rule:organization.empty-before-dissolution", "orgId");
        assertThat(response.json().get("source").asString()).contains("Điều lệ Đảng, chương III");
        return response.json().get("remaining");
    }

    private String statusOf(String orgId) {
        return http.get("/organizations/" + orgId, writer).json().get("status").asString();
    }

    @Test
    void an_organisation_is_dissolved_only_once_the_organisations_under_it_have_moved_and_its_members_have_left() {
        District d = district();
        String member = "stays-" + suffix;
        created(http.post("/members/enrolments", writer, Requests.enrolment(member, d.cell())));

        // the district still has the commune under it, the cell still counts the member
        JsonNode underDistrict = refusedAsNotEmpty(dissolve(d.district(), "2025-07-01"));
        assertThat(underDistrict.get("childCount").asInt()).isEqualTo(1);
        assertThat(underDistrict.get("children").get(0).asString()).isEqualTo(d.commune());
        JsonNode inCell = refusedAsNotEmpty(dissolve(d.cell(), "2025-06-01"));
        assertThat(inCell.get("memberCount").asInt()).isEqualTo(1);
        assertThat(inCell.get("members").get(member).asString()).isEqualTo("COUNTED");
        assertThat(statusOf(d.district())).isEqualTo("ACTIVE");
        assertThat(statusOf(d.cell())).isEqualTo("ACTIVE");

        // the member's death leaves the cell empty; the commune moved under the province leaves the district empty
        ok(http.post("/members/" + member + "/death", writer, map("dateOfDeath", "2025-05-10")));
        ok(dissolve(d.cell(), "2025-06-01"));
        reform(d);
        assertThat(statusOf(d.cell())).isEqualTo("DISSOLVED");
        assertThat(statusOf(d.district())).isEqualTo("DISSOLVED");
    }

    @Test
    void organisations_and_members_stored_before_the_index_was_kept_are_read_into_it_at_start_up() {
        District d = district();
        String member = "before-" + suffix;
        created(http.post("/members/enrolments", writer, Requests.enrolment(member, d.cell())));
        // as a database from before the index: nothing indexed for these, and not marked built
        mongo.getCollection("org_occupants").deleteMany(Filters.in("_id", List.of(d.district(), d.cell(),
                "~built")));

        occupants.backfillOnce();

        assertThat(refusedAsNotEmpty(dissolve(d.district(), "2025-07-01")).get("children").get(0).asString())
                .isEqualTo(d.commune());
        assertThat(refusedAsNotEmpty(dissolve(d.cell(), "2025-07-01")).get("members").has(member)).isTrue();
    }

    @Test
    void a_district_whose_commune_moves_away_only_after_the_dissolution_date_still_had_it_on_that_date() {
        District d = district();
        ok(http.post("/organizations/" + d.commune() + "/move", writer, map("newParentId", tree.province(),
                "effectiveDate", "2025-07-02", "decisionNumber", "1-QĐ/TU")));

        JsonNode remaining = refusedAsNotEmpty(dissolve(d.district(), "2025-07-01"));

        assertThat(remaining.get("children").get(0).asString()).isEqualTo(d.commune());
        assertThat(statusOf(d.district())).isEqualTo("ACTIVE");
        ok(dissolve(d.district(), "2025-07-02"));
    }

    @Test
    void a_district_committee_is_no_longer_above_the_cell_once_the_commune_has_moved_under_the_province() {
        District d = district();
        // only the move is recorded: the district still stands, but no longer above the cell
        ok(http.post("/organizations/" + d.commune() + "/move", writer, map("newParentId", tree.province(),
                "effectiveDate", "2025-07-01")));

        Http.Response before = http.post("/members/admissions", writer,
                admission("line-a-" + suffix, d.cell(), d.district(), "2025-06-02", "2025-06-30"));
        Http.Response after = http.post("/members/admissions", writer,
                admission("line-b-" + suffix, d.cell(), d.district(), "2025-07-02", "2025-07-15"));

        assertThat(before.status()).as(before.body()).isEqualTo(201);
        assertThat(after.status()).as(after.body()).isEqualTo(422);
        List<String> rules = new ArrayList<>();
        after.json().get("errors").forEach(error -> rules.add(error.get("rule").asString()));
        assertThat(rules).contains("decision.competent-committee");
        notStored("line-b-" + suffix);
    }

    @Test
    void a_cell_founded_after_the_decision_date_cannot_take_the_member_in() {
        String lateCell = "CB-late-" + suffix;
        created(http.post("/organizations", writer, Requests.organization(lateCell, "Chi bộ thôn Bản Mới", "CELL",
                tree.grassroots(), "2025-08-01")));

        Http.Response response = http.post("/members/admissions", writer,
                admission("late-" + suffix, lateCell, tree.grassroots(), "2024-03-03", "2024-03-20"));

        refused(response, EXISTED, "cellId");
        assertThat(response.json().get("detail").asString()).contains("founded on 2025-08-01");
        notStored("late-" + suffix);
    }

    @Test
    void a_committee_founded_after_the_decision_date_cannot_decide_it() {
        String lateCommittee = "DB-late-" + suffix;
        created(http.post("/organizations", writer, Requests.organization(lateCommittee, "Đảng bộ xã mới",
                "GRASSROOTS", tree.commune(), "2025-08-01")));
        String member = "rated-" + suffix;
        created(http.post("/members/enrolments", writer, Requests.enrolment(member, tree.cell())));

        Http.Response response = http.post("/members/" + member + "/ratings", writer,
                decision("2024-12-20", lateCommittee, "year", 2024, "level", "GOOD", "points", 80));

        refused(response, EXISTED, "decidingOrgId");
        assertThat(http.get("/members/" + member, writer).json().get("ratings").isEmpty()).isTrue();
    }

    @Test
    void a_decision_of_the_committee_above_the_cell_the_member_was_in_then_stands_after_a_transfer() {
        String otherGrassroots = "DB2-" + suffix;
        String otherCell = "CB2-" + suffix;
        created(http.post("/organizations", writer, Requests.organization(otherGrassroots, "Đảng bộ trường học",
                "GRASSROOTS", tree.commune(), Requests.Tree.FOUNDED)));
        created(http.post("/organizations", writer, Requests.organization(otherCell, "Chi bộ giáo viên", "CELL",
                otherGrassroots, Requests.Tree.FOUNDED)));
        String member = "moved-" + suffix;
        created(http.post("/members/enrolments", writer, Requests.enrolment(member, tree.cell())));
        ok(http.post("/members/" + member + "/transfers", writer, decision("2025-03-01", tree.grassroots(),
                "kind", "OFFICIAL", "circumstance", "NEW_JOB", "toOrgId", otherGrassroots, "toCellId", otherCell)));
        ok(http.post("/members/" + member + "/transfers/receipt", writer, map("cellId", otherCell,
                "receivedOn", "2025-03-15")));

        // the 2024 rating, entered late: the member's committee then was the village's, not the school's
        Http.Response byNewCommittee = http.post("/members/" + member + "/ratings", writer,
                decision("2024-12-20", otherGrassroots, "year", 2024, "level", "GOOD", "points", 80));
        Http.Response byCommitteeThen = http.post("/members/" + member + "/ratings", writer,
                decision("2024-12-20", tree.grassroots(), "year", 2024, "level", "GOOD", "points", 80));

        assertThat(byNewCommittee.status()).as(byNewCommittee.body()).isEqualTo(422);
        assertThat(byNewCommittee.json().get("type").asString())
                .isEqualTo("urn:chibo:problem:rule:decision.competent-committee");
        assertThat(byCommitteeThen.status()).as(byCommitteeThen.body()).isEqualTo(200);
        assertThat(byCommitteeThen.json().get("ratings").get("2024").asString()).isEqualTo("GOOD");
    }

    @Test
    void an_introducer_only_probationary_on_the_day_of_the_resolution_is_refused_though_official_today() {
        String introducer = recognisedIn2024("intro-" + suffix);
        assertThat(http.get("/members/" + introducer, writer).json().get("status").asString()).isEqualTo("OFFICIAL");
        List<Map<String, Object>> introducers = List.of(
                map("memberId", introducer, "workedWithSince", "2022-01-10"),
                map("memberId", tree.secondIntroducer(), "workedWithSince", "2022-01-10"));

        Http.Response early = http.post("/members/admissions", writer, tree.admissionIn(2024)
                .memberId("early-" + suffix).with("introducers", introducers).build());
        Http.Response later = http.post("/members/admissions", writer, tree.admissionIn(2024)
                .memberId("later-" + suffix).with("introducers", introducers)
                .with("cellResolutionDate", "2024-06-03").with("decisionDate", "2024-06-20").build());

        refused(early, "urn:chibo:problem:rule:admission.introducers", "introducers[0].memberId");
        assertThat(early.json().get("detail").asString()).contains("PROBATIONARY on 2024-03-03")
                .contains("OFFICIAL today");
        notStored("early-" + suffix);
        assertThat(later.status()).as(later.body()).isEqualTo(201);
    }

    @Test
    void an_organisation_is_founded_moved_or_renamed_only_where_and_when_its_organisations_stood() {
        String lateCommittee = "DB-new-" + suffix;
        created(http.post("/organizations", writer, Requests.organization(lateCommittee, "Đảng bộ cơ quan xã",
                "GRASSROOTS", tree.commune(), "2025-08-01")));

        Http.Response cellFoundedBefore = http.post("/organizations", writer, Requests.organization("CB-new-" + suffix,
                "Chi bộ cơ quan", "CELL", lateCommittee, "2024-01-01"));
        Http.Response renamedBefore = http.post("/organizations/" + lateCommittee + "/rename", writer,
                map("name", "Đảng bộ Ủy ban xã", "effectiveDate", "2025-07-31"));
        Http.Response movedUnderBefore = http.post("/organizations/" + tree.otherCell() + "/move", writer,
                map("newParentId", lateCommittee, "effectiveDate", "2025-03-01"));

        refused(cellFoundedBefore, EXISTED, "parentId");
        refused(renamedBefore, EXISTED, "effectiveDate");
        refused(movedUnderBefore, EXISTED, "newParentId");
        assertThat(http.get("/organizations/CB-new-" + suffix, writer).status()).isEqualTo(404);
        assertThat(http.get("/organizations/" + tree.otherCell(), writer).json().get("parentId").asString())
                .isEqualTo(tree.grassroots());
        created(http.post("/organizations", writer, Requests.organization("CB-new-" + suffix, "Chi bộ cơ quan", "CELL",
                lateCommittee, "2025-08-01")));
        ok(http.post("/organizations/" + lateCommittee + "/rename", writer,
                map("name", "Đảng bộ Ủy ban xã", "effectiveDate", "2025-08-01")));
    }

    /** Admitted on 20/03/2023, sworn in on 10/04/2023, recognised by a decision of 22/04/2024. */
    private String recognisedIn2024(String memberId) {
        ok(http.post("/members/admissions", writer, tree.admissionIn(2023).memberId(memberId).build()));
        ok(http.post("/members/" + memberId + "/swearing-in", writer, map("ceremonyDate", "2023-04-10")));
        ok(http.post("/members/" + memberId + "/recognition", writer, map("cellResolutionDate", "2024-04-15",
                "decisionDate", "2024-04-22", "decisionNumber", "12-QĐ/ĐU", "decidingOrgId", tree.grassroots(),
                "partyCardNumber", "TQ-" + memberId)));
        return memberId;
    }

    @Test
    void the_member_is_judged_by_the_status_they_had_on_the_decision_date() {
        String member = recognisedIn2024("disc-" + suffix);

        // Điều lệ Đảng, điều 35: a probationer is reprimanded or warned, never dismissed
        Http.Response whileProbationary = http.post("/members/" + member + "/disciplines", writer,
                decision("2024-02-10", tree.grassroots(), "level", "DISMISSAL", "reason", "vi phạm",
                        "selfReportedAndRemedied", false));
        Http.Response onceOfficial = http.post("/members/" + member + "/disciplines", writer,
                decision("2024-06-10", tree.grassroots(), "level", "DISMISSAL", "reason", "vi phạm",
                        "selfReportedAndRemedied", false));

        refused(whileProbationary, "urn:chibo:problem:rule:discipline.probationer-forms", "level");
        assertThat(onceOfficial.status()).as(onceOfficial.body()).isEqualTo(200);
    }

    @Test
    void a_chi_bo_co_so_resolves_an_admission_but_the_committee_above_it_decides() {
        String grassrootsCell = "CBCS-" + suffix;
        created(http.post("/organizations", writer, Requests.organization(grassrootsCell, "Chi bộ cơ sở trường học",
                "GRASSROOTS_CELL", tree.commune(), Requests.Tree.FOUNDED)));

        Http.Response byItself = http.post("/members/admissions", writer,
                admission("cs-a-" + suffix, grassrootsCell, grassrootsCell, "2025-09-02", "2025-09-20"));
        Http.Response byTheCommune = http.post("/members/admissions", writer,
                admission("cs-b-" + suffix, grassrootsCell, tree.commune(), "2025-09-02", "2025-09-20"));

        refused(byItself, "urn:chibo:problem:rule:decision.superior-committee", "decidingOrgId");
        notStored("cs-a-" + suffix);
        assertThat(byTheCommune.status()).as(byTheCommune.body()).isEqualTo(201);
    }

    @Test
    void an_introducer_official_on_the_day_of_the_resolution_stands_though_deceased_today() {
        ok(http.post("/members/" + tree.introducer() + "/death", writer, map("dateOfDeath", "2025-01-15")));

        Http.Response admitted = http.post("/members/admissions", writer, tree.admissionIn(2024)
                .memberId("vouched-" + suffix).build());

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    }

    /**
     * The same facts, entered in effective order and with the reform entered before the earlier admission: the same
     * decisions stand, the same are refused on the same field, and the member's record is the same.
     */
    @Test
    void a_history_posted_out_of_order_gives_the_same_result_as_in_order() {
        District inOrder = district();
        String inOrderMember = "a1-" + suffix;
        List<String> inOrderOutcome = new ArrayList<>();
        inOrderOutcome.add(outcome(http.post("/members/admissions", writer,
                admission("a1-" + suffix, inOrder.cell(), inOrder.district(), "2025-06-02", "2025-06-30"))));
        reform(inOrder);
        inOrderOutcome.add(outcome(http.post("/members/admissions", writer,
                admission("a2-" + suffix, inOrder.cell(), inOrder.district(), "2025-07-15", "2025-08-05"))));

        suffix = UUID.randomUUID().toString().substring(0, 6);
        District outOfOrder = district();
        reform(outOfOrder);
        List<String> outOfOrderOutcome = new ArrayList<>();
        outOfOrderOutcome.add(0, outcome(http.post("/members/admissions", writer,
                admission("b2-" + suffix, outOfOrder.cell(), outOfOrder.district(), "2025-07-15", "2025-08-05"))));
        outOfOrderOutcome.add(0, outcome(http.post("/members/admissions", writer,
                admission("b1-" + suffix, outOfOrder.cell(), outOfOrder.district(), "2025-06-02", "2025-06-30"))));

        assertThat(outOfOrderOutcome).isEqualTo(inOrderOutcome).containsExactly("201", "422 decidingOrgId");
        JsonNode first = http.get("/members/" + inOrderMember, writer).json();
        JsonNode second = http.get("/members/b1-" + suffix, writer).json();
        for (String field : List.of("status", "admittedOn", "version")) {
            assertThat(second.get(field)).as(field).isEqualTo(first.get(field));
        }
    }

    private static String outcome(Http.Response response) {
        return response.status() == 201 ? "201"
                : response.status() + " " + response.json().get("errors").get(0).get("field").asString();
    }
}
