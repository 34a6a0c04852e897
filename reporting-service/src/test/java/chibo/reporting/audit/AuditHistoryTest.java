package chibo.reporting.audit;

import chibo.contracts.EventPayload;
import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.reporting.ReportingComponentTest;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static chibo.reporting.audit.MemberHistory.admittedTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Histories from the audit archive: a member's, an organisation subtree's, a cell's meetings; filtered, paged,
 * streamed as NDJSON; for auditors only.
 */
class AuditHistoryTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SUBTREE_EVENTS = 12;

    @Autowired
    private AuditStore auditStore;
    @Autowired
    private EventIdIndex eventIdIndex;
    private final SealedEvents events = new SealedEvents("/chibo/membership-service");
    private final String auditor = TestTokens.auditor();
    private String province;
    private String commune;
    private String cell1;
    private String cell2;
    private String elsewhere;
    private String memberA;
    private String memberB;

    private void send(String subject, String effectiveDate, String actingOrg, String decision, EventPayload payload) {
        publisher.send(events.next(subject, LocalDate.parse(effectiveDate), actingOrg, decision, Instant.now(),
                payload));
    }

    @BeforeEach
    void organisationWithMembersAndMeetings() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "AP-" + suffix;
        commune = "AX-" + suffix;
        cell1 = "AC1-" + suffix;
        cell2 = "AC2-" + suffix;
        elsewhere = "AO-" + suffix;
        String elsewhereCell = "ACO-" + suffix;
        memberA = "ma-" + suffix;
        memberB = "mb-" + suffix;
        String founded = "2015-01-01";
        send(province, founded, province, null, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE, null));
        send(commune, founded, province, null, new OrganizationRegistered("Đảng bộ xã", OrgLevel.COMMUNE,
                province));
        send(cell1, founded, commune, null, new OrganizationRegistered("Chi bộ 1", OrgLevel.CELL, commune));
        send(cell2, founded, province, null, new OrganizationRegistered("Chi bộ cơ sở 2", OrgLevel.GRASSROOTS_CELL,
                province));
        send(elsewhere, founded, elsewhere, null, new OrganizationRegistered("Tỉnh khác", OrgLevel.PROVINCE, null));
        send(elsewhereCell, founded, elsewhere, null, new OrganizationRegistered("Chi bộ khác", OrgLevel.CELL,
                elsewhere));

        send(memberA, "2020-03-10", commune, "15-QĐ/ĐU", admittedTo(cell1));
        send(memberA, "2021-03-10", commune, "40-QĐ/ĐU", new MemberRecognized(LocalDate.parse("2021-03-10"), null,
                "A-1"));
        send(memberA, "2022-06-01", province, null, new MemberTransferReceived(cell2));
        send(memberB, "2021-06-01", province, "7-QĐ/TU", admittedTo(cell2));
        send(memberB, "2023-02-01", province, "9-QĐ/TU", new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP,
                null, null));
        send("mc-" + suffix, "2021-01-01", elsewhere, null, admittedTo(elsewhereCell));

        LocalDate day = LocalDate.parse("2024-02-05");
        send(cell1, "2024-01-31", cell1, null, new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING,
                "2024-01"));
        send(cell1, day.toString(), cell1, null, new MeetingHeld("mt-1", MeetingKind.REGULAR, "Sinh hoạt",
                day.atTime(19, 0), day.atTime(21, 0), "Nhà văn hóa", memberA, memberA,
                List.of(new Attendance(memberA, AttendanceStatus.PRESENT, null)), List.of(),
                new Preparation(true, true, true), true, List.of()));
        send(cell1, day.toString(), commune, "3-QĐ/ĐU", new MeetingGraded("mt-1", true, MeetingGrade.GOOD, 92,
                List.of(), null));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(subtreeHistory("&size=100")
                .get("items")).hasSize(SUBTREE_EVENTS));
        // a subject's chain state is written after the organisations' index, so the member's own history may answer
        // 404 a moment longer than the subtree's lists its events
        // (read from the store: a read through the API would be in the access log the tests below read)
        await().atMost(PATIENCE).until(() -> auditStore.chain(EventStream.MEMBERSHIP, memberA).isPresent());
    }

    private JsonNode subtreeHistory(String query) {
        Http.Response response = http.get("/audit/organizations/" + province + "/history?subtree=true" + query,
                auditor);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> storageIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("stream").asString() + "/" + item.get("storageId").asString()));
        return ids;
    }

    @Test
    void a_members_history_lists_each_event_in_recording_order_with_both_dates_the_actor_and_the_decision() {
        JsonNode items = http.get("/audit/members/" + memberA + "/history", auditor).json().get("items");

        assertThat(items).hasSize(3);
        JsonNode admitted = items.get(0);
        assertThat(admitted.get("seq").asLong()).isEqualTo(1);
        assertThat(admitted.get("storageId").asString()).isEqualTo(memberA + ":000000000001");
        assertThat(admitted.get("type").asString()).isEqualTo("member.admitted.v1");
        assertThat(admitted.get("effectiveDate").asString()).isEqualTo("2020-03-10");
        assertThat(Instant.parse(admitted.get("recordedAt").asString())).isBefore(Instant.now());
        assertThat(admitted.get("actingOrg").asString()).isEqualTo(commune);
        assertThat(admitted.get("decisionNumber").asString()).isEqualTo("15-QĐ/ĐU");
        assertThat(admitted.get("payload").get("cellId").asString()).isEqualTo(cell1);
        assertThat(admitted.get("contentIntact").asBoolean()).isTrue();
        assertThat(admitted.get("kafka").get("topic").asString()).isEqualTo("party.membership.events");
        assertThat(items.get(1).get("type").asString()).isEqualTo("member.recognized.v1");
        assertThat(items.get(1).get("previousHash").asString()).isEqualTo(admitted.get("hash").asString());
        JsonNode transfer = items.get(2);
        assertThat(transfer.get("seq").asLong()).isEqualTo(3);
        assertThat(List.of(transfer.get("organizations").get(0).asString(),
                transfer.get("organizations").get(1).asString())).containsExactly(cell1, cell2);
    }

    @Test
    void an_organisations_subtree_history_is_in_effective_date_order_and_holds_only_the_subtree() {
        JsonNode items = subtreeHistory("&size=100").get("items");

        List<String> dates = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        items.forEach(item -> {
            dates.add(item.get("effectiveDate").asString());
            subjects.add(item.get("subject").asString());
        });
        assertThat(dates).isSorted();
        assertThat(subjects).contains(province, commune, cell1, cell2, memberA, memberB)
                .doesNotContain(elsewhere).noneMatch(subject -> subject.startsWith("mc-")
                        || subject.startsWith("ACO-"));
        assertThat(subjects.stream().filter(cell1::equals)).hasSize(4);

        JsonNode own = http.get("/audit/organizations/" + province + "/history", auditor).json().get("items");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("type").asString()).isEqualTo("organization.registered.v1");
        JsonNode commune2 = http.get("/audit/organizations/" + commune + "/history?subtree=true&size=100",
                auditor).json().get("items");
        assertThat(storageIds(commune2)).hasSize(1 + 1 + 3 + 3);
    }

    @Test
    void type_and_period_filters_narrow_a_history() {
        JsonNode admissions2020 = subtreeHistory("&type=member.admitted.v1&from=2020-01-01&to=2020-12-31")
                .get("items");
        assertThat(admissions2020).hasSize(1);
        assertThat(admissions2020.get(0).get("subject").asString()).isEqualTo(memberA);

        assertThat(subtreeHistory("&type=member.admitted.v1").get("items")).hasSize(2);
        JsonNode ofB = subtreeHistory("&type=member.admitted.v1,member.removed.v1&from=2021-01-01").get("items");
        assertThat(ofB).hasSize(2);
        assertThat(ofB.get(1).get("type").asString()).isEqualTo("member.removed.v1");
        assertThat(subtreeHistory("&from=2024-01-01&to=2024-01-31").get("items")).hasSize(1);

        JsonNode recognized = http.get("/audit/members/" + memberA + "/history?type=member.recognized.v1",
                auditor).json().get("items");
        assertThat(recognized).hasSize(1);
        assertThat(recognized.get(0).get("seq").asLong()).isEqualTo(2);
        assertThat(http.get("/audit/members/" + memberA + "/history?from=2021-01-01&to=2021-12-31", auditor).json()
                .get("items")).hasSize(1);
    }

    @Test
    void pages_follow_one_another_by_cursor_to_the_end() {
        List<String> whole = storageIds(subtreeHistory("&size=100").get("items"));

        List<String> paged = new ArrayList<>();
        JsonNode page = subtreeHistory("&size=5");
        int pages = 1;
        paged.addAll(storageIds(page.get("items")));
        while (!page.get("next").isNull()) {
            assertThat(page.get("items")).hasSize(5);
            page = subtreeHistory("&size=5&cursor=" + page.get("next").asString());
            paged.addAll(storageIds(page.get("items")));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(whole);

        JsonNode first = http.get("/audit/members/" + memberA + "/history?size=2", auditor).json();
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = http.get("/audit/members/" + memberA + "/history?size=2&cursor="
                + first.get("next").asString(), auditor).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("seq").asLong()).isEqualTo(3);
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void the_same_history_streams_as_ndjson() {
        Map<String, String> ndjson = Map.of("Accept", "application/x-ndjson");
        Http.Response streamed = http.send("GET", "/audit/organizations/" + province + "/history?subtree=true",
                auditor, null, ndjson);

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.header("Content-Type")).startsWith("application/x-ndjson");
        List<String> lines = streamed.body().lines().toList();
        assertThat(lines).hasSize(SUBTREE_EVENTS);
        List<String> ids = lines.stream().map(JSON::readTree)
                .map(line -> line.get("stream").asString() + "/" + line.get("storageId").asString()).toList();
        assertThat(ids).isEqualTo(storageIds(subtreeHistory("&size=100").get("items")));

        Http.Response member = http.send("GET", "/audit/members/" + memberB + "/history", auditor, null, ndjson);
        assertThat(member.body().lines()).hasSize(2);
        Http.Response meetings = http.send("GET", "/audit/cells/" + cell1 + "/meetings", auditor, null, ndjson);
        assertThat(meetings.body().lines()).hasSize(3);
    }

    @Test
    void a_cells_meetings_are_listed_in_recording_order() {
        JsonNode items = http.get("/audit/cells/" + cell1 + "/meetings", auditor).json().get("items");

        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("type").asString()).isEqualTo("cell.meeting_breach_detected.v1");
        assertThat(items.get(1).get("type").asString()).isEqualTo("meeting.held.v1");
        assertThat(items.get(2).get("type").asString()).isEqualTo("meeting.graded.v1");
        assertThat(items.get(2).get("decisionNumber").asString()).isEqualTo("3-QĐ/ĐU");
        assertThat(items.get(2).get("stream").asString()).isEqualTo("meeting");
        assertThat(http.get("/audit/cells/" + cell2 + "/meetings", auditor).json().get("items")).isEmpty();
        assertThat(http.get("/audit/cells/nowhere-" + cell1 + "/meetings", auditor).status()).isEqualTo(404);
    }

    @Test
    void an_event_is_found_by_its_id_alone_in_whichever_stream_it_was_published() {
        List<JsonNode> listed = new ArrayList<>();
        http.get("/audit/members/" + memberA + "/history", auditor).json().get("items").forEach(listed::add);
        http.get("/audit/cells/" + cell1 + "/meetings", auditor).json().get("items").forEach(listed::add);
        listed.add(subtreeHistory("&size=100").get("items").get(0));
        assertThat(listed).extracting(entry -> entry.get("stream").asString())
                .contains("membership", "meeting", "organization");

        for (JsonNode entry : listed) {
            String id = entry.get("id").asString();
            JsonNode found = await().atMost(PATIENCE).until(() -> http.get("/audit/events/" + id, auditor),
                    response -> response.status() == 200).json();

            assertThat(found).as(id).isEqualTo(entry);
            assertThat(http.get("/audit/events/" + id.toUpperCase(Locale.ROOT), auditor).json()
                    .get("storageId").asString()).isEqualTo(entry.get("storageId").asString());
        }
    }

    @Test
    void events_archived_before_the_index_are_listed_once_and_then_found_by_id() {
        JsonNode admitted = http.get("/audit/members/" + memberA + "/history", auditor).json().get("items").get(0);
        String id = admitted.get("id").asString();
        await().atMost(PATIENCE).until(() -> http.get("/audit/events/" + id, auditor).status() == 200);
        auditStore.eventIds().deleteMany(Filters.in("_id", id, EventIdIndex.COMPLETE));
        assertThat(http.get("/audit/events/" + id, auditor).status()).isEqualTo(404);

        long listed = eventIdIndex.indexEarlierEvents();

        assertThat(listed).isGreaterThanOrEqualTo(SUBTREE_EVENTS);
        assertThat(http.get("/audit/events/" + id, auditor).json()).isEqualTo(admitted);
        assertThat(eventIdIndex.indexEarlierEvents()).as("done once").isZero();
    }

    @Test
    void an_event_id_that_is_not_a_uuid_is_refused_and_an_unknown_one_is_not_found() {
        assertRefused("/audit/events/not-an-id", "eventId");
        assertRefused("/audit/events/" + EventIdIndex.COMPLETE, "eventId");
        assertRefused("/audit/events/1-1-1-1-1", "eventId");
        assertThat(http.get("/audit/events/" + UUID.randomUUID(), auditor).status()).isEqualTo(404);
    }

    @Test
    void only_auditors_may_read_histories() {
        List<String> paths = List.of("/audit/members/" + memberA + "/history",
                "/audit/organizations/" + province + "/history?subtree=true",
                "/audit/cells/" + cell1 + "/meetings",
                "/audit/subjects/" + memberA + "/verification",
                "/audit/organizations/" + province + "/as-reported?on=2024-06-30T23:59:59Z",
                "/audit/events/" + http.get("/audit/members/" + memberA + "/history", auditor).json().get("items")
                        .get(0).get("id").asString());
        for (String path : paths) {
            assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, TestTokens.reader(province)).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, TestTokens.writer(province)).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, auditor).status()).as(path).isEqualTo(200);
        }
        assertThat(http.post("/audit/organizations/" + province + "/verifications", TestTokens.reader(province),
                "{}").status()).isEqualTo(403);
    }

    @Test
    void every_read_of_a_history_json_or_streamed_is_in_the_access_log_with_its_purpose() {
        String path = "/audit/members/" + memberA + "/history";
        assertThat(http.send("GET", path, auditor, null, Map.of("Purpose", "inspection")).status()).isEqualTo(200);
        Http.Response streamed = http.send("GET", path, auditor, null, Map.of("Accept", "application/x-ndjson"));
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(http.get(path, TestTokens.reader(province)).status()).isEqualTo(403);

        List<JsonNode> entries = await().atMost(PATIENCE).until(() -> accessLog("?subject=" + memberA),
                found -> found.size() >= 3);

        assertThat(entries).extracting(entry -> entry.get("path").asString()).containsOnly(path);
        assertThat(entries).filteredOn(entry -> entry.get("who").asString().equals("auditor"))
                .extracting(entry -> entry.get("purpose").isNull() ? null : entry.get("purpose").asString())
                .containsExactlyInAnyOrder("inspection", null);
        assertThat(entries).extracting(entry -> entry.get("outcome").asString())
                .containsExactlyInAnyOrder("SERVED", "SERVED", "REFUSED");
        JsonNode verification = http.get("/access-log/verification", TestTokens.dataProtection()).json();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void the_data_protection_role_reads_a_members_history_and_only_it_reads_the_access_log() {
        String dataProtection = TestTokens.dataProtection();

        assertThat(http.get("/audit/members/" + memberA + "/history", dataProtection).status()).isEqualTo(200);
        assertThat(http.get("/audit/organizations/" + province + "/as-reported?on=2024-06-30T23:59:59Z",
                dataProtection).status()).as("figures are not the data-protection role's").isEqualTo(403);
        assertThat(http.get("/access-log", auditor).status()).isEqualTo(403);
        assertThat(http.get("/access-log/verification", TestTokens.operator()).status()).isEqualTo(403);
    }

    private List<JsonNode> accessLog(String query) {
        Http.Response page = http.get("/access-log" + query + "&size=1000", TestTokens.dataProtection());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return List.copyOf(page.json().get("items").values());
    }

    @Test
    void bad_parameters_are_refused_naming_the_field() {
        String history = "/audit/organizations/" + province + "/history";
        assertRefused(history + "?type=member.joined.v9", "type");
        assertRefused(history + "?from=yesterday", "from");
        assertRefused(history + "?from=2023-01-01&to=2022-12-31", "to");
        assertRefused(history + "?size=0", "size");
        assertRefused(history + "?size=501", "size");
        assertRefused(history + "?size=ten", "size");
        assertRefused(history + "?cursor=not-a-cursor", "cursor");
        assertRefused(history + "?subtree=maybe", "subtree");
        assertRefused("/audit/members/" + memberA + "/history?to=31-12-2023", "to");
        assertRefused("/audit/members/" + memberA + "/history?cursor=" + subtreeHistory("&size=1").get("next")
                .asString(), "cursor");
        assertRefused("/audit/cells/" + cell1 + "/meetings?type=meeting.held", "type");

        assertThat(http.get("/audit/members/nobody-" + memberA + "/history", auditor).status()).isEqualTo(404);
        assertThat(http.get("/audit/organizations/nowhere-" + province + "/history", auditor).status())
                .isEqualTo(404);
    }

    private void assertRefused(String path, String field) {
        Http.Response response = http.get(path, auditor);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
    }
}
