package chibo.membership;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventCatalog;
import chibo.contracts.EventSchemas;
import chibo.contracts.HashChain;
import chibo.contracts.Topics;
import chibo.testsupport.Http;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static chibo.membership.Requests.decision;
import static chibo.membership.Requests.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lifecycle command through the agency API, and every event type of the membership and organisation topics
 * on Kafka: schema-valid, in each subject's order, hash-chained.
 */
class LifecycleJourneyTest extends MembershipComponentTest {

    private Requests.Tree tree;
    private String writer;

    private Http.Response post(String path, Map<String, Object> body) {
        Http.Response response = http.post(path, writer, body);
        assertThat(response.status()).as(path + " → " + response.body()).isIn(200, 201);
        return response;
    }

    private String admit(String memberId) {
        post("/members/admissions", tree.admission().memberId(memberId).with("cellResolutionDate", "2024-02-20")
                .with("decisionDate", "2024-03-01")
                .with("awarenessCertificate", map("number", "NT-7", "issuedOn", "2023-10-01")).build());
        post("/members/" + memberId + "/swearing-in", map("ceremonyDate", "2024-03-20",
                "decisionReceivedOn", "2024-03-05"));
        return memberId;
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_ethnic_group_given_by_code_or_another_spelling_is_recorded_under_its_vietnamese_name() {
        tree = Requests.Tree.create(http);
        writer = tree.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        int n = 0;
        for (var given : java.util.Map.of("08", "Mông", "H'Mông", "Mông", "Khmer", "Khơ-me", "tày", "Tày",
                "Ba Na", "Ba-na").entrySet()) {
            Map<String, Object> enrolment = new java.util.LinkedHashMap<>(Requests.enrolment(
                    "eth" + n++ + "-" + suffix, tree.cell()));
            Map<String, Object> person = new java.util.LinkedHashMap<>((Map<String, Object>) enrolment.get("person"));
            person.put("ethnicity", given.getKey());
            enrolment.put("person", person);

            Http.Response enrolled = post("/members/enrolments", enrolment);

            assertThat(enrolled.json().get("person").get("ethnicity").asString()).as(given.getKey())
                    .isEqualTo(given.getValue());
        }
    }

    /** QĐ 24-QĐ/TW and QĐ 294-QĐ/TW, point 4.2.2: a late recognition stands, official from the end of probation. */
    @Test
    void a_recognition_decided_after_its_deadline_is_accepted_and_carries_the_deadline_it_missed() {
        tree = Requests.Tree.create(http);
        writer = tree.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String g = tree.grassroots();
        String inTime = admit("intime-" + suffix);
        String late = admit("laterec-" + suffix);

        post("/members/" + inTime + "/recognition", decision("2025-04-02", g, "cellResolutionDate", "2025-03-25",
                "partyCardNumber", "TQ-I" + suffix));
        Http.Response recognised = post("/members/" + late + "/recognition", decision("2025-08-12", g,
                "cellResolutionDate", "2025-08-05", "partyCardNumber", "TQ-L" + suffix));

        assertThat(recognised.json().get("status").asString()).isEqualTo("OFFICIAL");
        assertThat(recognised.json().get("officialFrom").asString()).as("the end of probation").isEqualTo("2025-03-20");
        // probation ended Thu 20/03/2025; 30 working days (Hùng Kings' day and 30/04–02/05 off, Sat 26/04 worked)
        assertThat(recognitionData(late).get("lateAfter").asString()).isEqualTo("2025-05-06");
        assertThat(recognitionData(inTime).has("lateAfter")).isFalse();
    }

    private tools.jackson.databind.JsonNode recognitionData(String memberId) {
        return http.get("/members/" + memberId + "/history", writer).json().values().stream()
                .filter(e -> e.get("type").asString().equals("member.recognized.v1")).findFirst().orElseThrow()
                .get("data");
    }

    @Test
    void every_member_and_organisation_event_is_published_schema_valid_in_subject_order() {
        tree = Requests.Tree.create(http);
        writer = tree.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String g = tree.grassroots();

        // a member's whole life: probation, a temporary stay, liaison, recognition, rating, discipline, exemption,
        // an official transfer, removal reversed on appeal, expulsion
        String life = admit("life-" + suffix);
        post("/members/" + life + "/temporary-transfers", decision("2024-06-01", g, "hostCellId", tree.otherCell(),
                "reason", "WORK", "until", "2024-11-01"));
        post("/members/" + life + "/temporary-transfers/end", map("endedOn", "2024-11-01"));
        post("/members/" + life + "/residence-liaison", map("residenceCellId", tree.otherCell(), "category",
                "REGULAR", "registeredOn", "2024-12-01"));
        post("/members/" + life + "/recognition", decision("2025-04-02", g, "cellResolutionDate", "2025-03-25",
                "partyCardNumber", "TQ-" + suffix));
        post("/members/" + life + "/ratings", decision("2025-12-15", g, "year", 2025, "level", "GOOD", "points", 82));
        post("/members/" + life + "/disciplines", decision("2026-01-10", g, "level", "REPRIMAND", "reason",
                "late dues", "selfReportedAndRemedied", false));
        post("/members/" + life + "/exemption", decision("2026-02-01", g, "reason", "health"));
        post("/members/" + life + "/transfers", decision("2026-03-01", g, "kind", "OFFICIAL", "circumstance",
                "NEW_JOB", "toOrgId", g, "toCellId", tree.otherCell()));
        post("/members/" + life + "/transfers/receipt", map("cellId", tree.otherCell(), "receivedOn",
                "2026-03-20"));
        post("/members/" + life + "/removal", decision("2026-05-01", g, "ground", "NO_PROGRESS_AFTER_HELP"));
        var removal = http.get("/members/" + life + "/history", writer).json().values().stream()
                .filter(e -> e.get("type").asString().equals("member.removed.v1")).findFirst().orElseThrow();
        Http.Response restored = post("/members/" + life + "/corrections", decision("2026-06-01", tree.province(),
                "correctedEventId", removal.get("id").asString(), "correctedSeq", removal.get("seq").asLong(),
                "kind", "APPEAL_UPHELD", "reason", "appeal upheld", "appealFiledOn", "2026-05-10"));
        assertThat(restored.json().get("status").asString()).isEqualTo("OFFICIAL");
        post("/members/" + life + "/expulsion", decision("2026-07-01", g, "reason", "serious violation"));

        // probation not passed
        String failed = admit("failed-" + suffix);
        post("/members/" + failed + "/probation-failure", decision("2025-04-02", g, "cellResolutionDate",
                "2025-03-25", "reason", "did not meet the standards"));

        // taken over from a register, let go at their request, readmitted after the waiting period
        String earlier = "earlier-" + suffix;
        post("/members/enrolments", Requests.enrolment(earlier, tree.cell()));
        post("/members/" + earlier + "/letting-go", decision("2021-01-10", g, "ground", "ASKED_TO_LEAVE"));
        String again = "again-" + suffix;
        Http.Response readmitted = post("/members/readmissions", Requests.readmission(tree, again, earlier));
        assertThat(readmitted.json().get("firstAdmittedOn").asString()).isEqualTo("2015-05-19");

        // rated NOT_COMPLETED two years running: a let-go review, which the cell closes keeping the member
        String weak = "weak-" + suffix;
        post("/members/enrolments", Requests.enrolment(weak, tree.cell()));
        post("/members/" + weak + "/ratings", decision("2024-12-20", g, "year", 2024, "level", "NOT_COMPLETED",
                "points", 45));
        post("/members/" + weak + "/ratings", decision("2025-12-15", g, "year", 2025, "level", "NOT_COMPLETED",
                "points", 40));
        post("/members/" + weak + "/reviews/LET_GO/closure", map("reason", "helped and improving",
                "decisionDate", "2026-01-20", "decidingOrgId", tree.cell()));

        // died
        String late = "late-" + suffix;
        post("/members/enrolments", Requests.enrolment(late, tree.cell()));
        post("/members/" + late + "/death", map("dateOfDeath", "2025-10-10"));

        // organisations: units and positions, a rename, a move and a merger
        post("/organizations/" + tree.commune() + "/units", map("unitId", "U-" + suffix, "name", "Thôn Nà Tông",
                "kind", "VILLAGE"));
        post("/organizations/" + tree.commune() + "/units/U-" + suffix + "/coverage", map("cellId", tree.cell()));
        post("/organizations/" + tree.commune() + "/units/U-" + suffix + "/positions", map("position",
                "VILLAGE_HEAD", "holderName", "Ma Văn Sình", "memberId", tree.introducer()));
        post("/organizations/" + tree.commune() + "/units/U-" + suffix + "/vacancies", map("position",
                "VILLAGE_HEAD"));
        post("/organizations/" + tree.commune() + "/units", map("unitId", "U2-" + suffix, "name", "Thôn Khuổi Xoan",
                "kind", "VILLAGE"));

        // moved to a village, transferred to the place of residence and received there living in another, then
        // moved out of every registered unit
        String mover = "mover-" + suffix;
        post("/members/enrolments", Requests.enrolment(mover, tree.cell()));
        post("/members/" + mover + "/residence", map("residenceUnitId", "U-" + suffix, "unitOrgId", tree.commune(),
                "effectiveDate", "2025-06-01"));
        post("/members/" + mover + "/transfers", decision("2026-03-01", g, "kind", "TO_RESIDENCE", "circumstance",
                "RETIRED", "toOrgId", g, "toCellId", tree.otherCell()));
        Http.Response received = post("/members/" + mover + "/transfers/receipt", map("cellId", tree.otherCell(),
                "receivedOn", "2026-03-20", "residenceUnitId", "U2-" + suffix));
        assertThat(received.json().get("person").get("residenceUnitId").asString()).isEqualTo("U2-" + suffix);
        Http.Response movedOut = post("/members/" + mover + "/residence", map("effectiveDate", "2026-04-01"));
        assertThat(movedOut.json().get("person").hasNonNull("residenceUnitId")).as("lives in no registered unit")
                .isFalse();
        assertThat(http.get("/members/" + mover, writer).json().get("residences").values().stream()
                .map(residence -> residence.hasNonNull("unitId") ? residence.get("unitId").asString() : "none")
                .toList()).containsExactly("U-" + suffix, "U2-" + suffix, "none");
        post("/organizations/" + g + "/rename", map("name", "Đảng bộ xã Minh Quang mới"));
        String secondGrassroots = "G2-" + suffix;
        String moved = "X-" + suffix;
        String mergedAway = "Y-" + suffix;
        post("/organizations", Requests.organization(secondGrassroots, "Đảng bộ 2", "GRASSROOTS", tree.commune()));
        post("/organizations", Requests.organization(moved, "Chi bộ X", "CELL", g));
        post("/organizations", Requests.organization(mergedAway, "Chi bộ Y", "CELL", g));
        post("/organizations/" + moved + "/move", map("newParentId", secondGrassroots));
        post("/organizations/" + moved + "/merge", map("sourceIds", List.of(mergedAway)));

        Map<String, List<String>> expectedMembers = Map.of(
                life, List.of("member.admitted.v1", "member.sworn_in.v1", "member.temporary_transfer_started.v1",
                        "member.temporary_transfer_ended.v1", "member.residence_liaison_registered.v1",
                        "member.recognized.v1", "member.rated.v1", "member.disciplined.v1", "member.exempted.v1",
                        "member.transfer_started.v1", "member.transfer_received.v1", "member.removed.v1",
                        "member.corrected.v1", "member.expelled.v1"),
                failed, List.of("member.admitted.v1", "member.sworn_in.v1", "member.probation_failed.v1"),
                earlier, List.of("member.enrolled_from_register.v1", "member.let_go.v1"),
                again, List.of("member.readmitted.v1"),
                weak, List.of("member.enrolled_from_register.v1", "member.rated.v1", "member.rated.v1",
                        "member.review_opened.v1", "member.review_closed.v1"),
                late, List.of("member.enrolled_from_register.v1", "member.deceased.v1"),
                mover, List.of("member.enrolled_from_register.v1", "member.residence_changed.v1",
                        "member.transfer_started.v1", "member.transfer_received.v1", "member.residence_changed.v1"));
        Map<String, List<String>> expectedOrganizations = Map.of(
                tree.commune(), List.of("organization.registered.v1", "unit.registered.v1", "unit.covered.v1",
                        "position.assigned.v1", "position.vacated.v1", "unit.registered.v1"),
                g, List.of("organization.registered.v1", "organization.renamed.v1"),
                moved, List.of("organization.registered.v1", "organization.moved.v1", "organization.merged.v1"),
                mergedAway, List.of("organization.registered.v1", "organization.dissolved.v1"));

        Set<String> typesSeen = new HashSet<>();
        typesSeen.addAll(assertPublished(Topics.MEMBERSHIP, expectedMembers));
        typesSeen.addAll(assertPublished(Topics.ORGANIZATION, expectedOrganizations));
        Set<String> catalogue = new HashSet<>();
        EventCatalog.entries().stream().filter(e -> !e.topic().equals(Topics.MEETING))
                .forEach(e -> catalogue.add(e.type()));
        assertThat(typesSeen).as("every member and organisation event type").isEqualTo(catalogue);

        assertThat(http.get("/members/" + life + "/verify", writer).json().get("intact").asBoolean()).isTrue();
    }

    private Set<String> assertPublished(String topic, Map<String, List<String>> expected) {
        Set<String> seen = new HashSet<>();
        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), topic)) {
            expected.forEach((subject, types) -> {
                List<CloudEventsKafka.ReceivedEvent> events = probe.awaitEvents(subject, types.size(),
                        Duration.ofSeconds(30));
                assertThat(events).extracting(e -> e.envelope().type()).as(subject).containsExactlyElementsOf(types);
                String previous = HashChain.GENESIS;
                for (int i = 0; i < events.size(); i++) {
                    var event = events.get(i);
                    assertThat(event.envelope().seq()).as(subject + " seq").isEqualTo(i + 1);
                    assertThat(event.envelope().previousHash()).isEqualTo(previous);
                    assertThat(event.hashIsIntact()).isTrue();
                    assertThat(EventSchemas.violations(event.envelope().type(),
                            tools.jackson.databind.json.JsonMapper.builder().build().readTree(event.rawPayload())))
                            .as(event.envelope().type()).isEmpty();
                    previous = event.envelope().hash();
                    seen.add(event.envelope().type());
                }
            });
        }
        return seen;
    }
}
