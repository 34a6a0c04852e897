package chibo.meeting;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventSchemas;
import chibo.contracts.Topics;
import chibo.contracts.meeting.MeetingHeld;
import chibo.testsupport.AuthorizationMatrix;
import chibo.testsupport.Http;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingRecordingTest extends MeetingComponentTest {

    @Test
    void a_recorded_meeting_is_published_as_meeting_held_with_a_schema_valid_body() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(3);
        fixture.awaitRoster(http, fixture.cell, members);

        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting(members));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String meetingId = response.json().get("meetingId").asString();
        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEETING)) {
            List<CloudEventsKafka.ReceivedEvent> events = probe.awaitEvents(fixture.cell, 2, Duration.ofSeconds(30));
            assertThat(events).extracting(event -> event.envelope().type())
                    .containsExactly("meeting.held.v1", "meeting.graded.v1");
            assertThat(events.getFirst()).satisfies(event -> {
                assertThat(event.envelope().type()).isEqualTo("meeting.held.v1");
                assertThat(event.envelope().seq()).isEqualTo(1);
                assertThat(event.envelope().effectiveDate()).hasToString("2025-09-05");
                assertThat(event.hashIsIntact()).isTrue();
                MeetingHeld held = (MeetingHeld) event.envelope().payload();
                assertThat(held.meetingId()).isEqualTo(meetingId);
                assertThat(held.attendance()).hasSize(3);
                assertThat(EventSchemas.violations(held)).isEmpty();
            });
        }
    }

    @Test
    void attendance_of_someone_not_on_the_roster_is_refused_naming_the_entry() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);

        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting(List.of(members.get(0), "stranger", members.get(0))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").values().stream().map(e -> e.get("field").asString()).toList())
                .containsExactly("attendance[1].memberId", "attendance[2].memberId", "attendance");
    }

    @Test
    void a_meeting_of_a_cell_outside_the_writers_subtree_is_forbidden() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(1);
        fixture.awaitRoster(http, fixture.cell, members);

        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", TestTokens.writer("elsewhere"),
                CellFixture.meeting(members));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void a_meeting_that_ends_before_it_starts_is_refused() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(1);
        fixture.awaitRoster(http, fixture.cell, members);
        Map<String, Object> meeting = CellFixture.meeting(members);
        meeting.put("endedAt", "2025-09-05T18:00:00");

        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(), meeting);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("endedAt");
    }

    @Test
    void an_unknown_cell_is_named() {
        Http.Response response = http.post("/cells/no-such-cell/meetings", TestTokens.writer("TW"),
                CellFixture.meeting(List.of()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cellId");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_result_and_records_nothing_new() throws Exception {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);
        String body = new tools.jackson.databind.ObjectMapper().writeValueAsString(CellFixture.meeting(members));
        Map<String, String> key = Map.of("Idempotency-Key", "meeting-" + fixture.cell, "Content-Type",
                "application/json");

        Http.Response first = http.send("POST", "/cells/" + fixture.cell + "/meetings", fixture.writer(), body, key);
        Http.Response retry = http.send("POST", "/cells/" + fixture.cell + "/meetings", fixture.writer(), body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("meetingId").asString()).isEqualTo(first.json().get("meetingId").asString());
        assertThat(http.get("/cells/" + fixture.cell + "/meetings?year=2025", fixture.writer()).json().values())
                .hasSize(1);
    }

    @Test
    void the_openapi_description_names_the_meeting_operations() {
        Http.Response docs = http.get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("chibo meeting-service");
        assertThat(docs.json().get("paths").propertyNames()).contains("/cells/{cellId}/meetings",
                "/cells/{cellId}/meetings/{meetingId}/grade-override", "/cells/{cellId}/compliance",
                "/compliance/checks", "/cells/{cellId}/ratings", "/cells/{cellId}/roster");
    }

    @Test
    void every_operation_admits_exactly_the_roles_its_description_declares() {
        List<AuthorizationMatrix.Cell> cells = AuthorizationMatrix.run(http, "TW", Map.of("cellId", "TW-matrix",
                "meetingId", "mt-matrix", "memberId", "m-matrix"));

        assertThat(cells).extracting(cell -> cell.method() + " " + cell.path())
                .contains("POST /cells/{cellId}/meetings", "GET /cells/{cellId}/roster");
        assertThat(cells).filteredOn(cell -> !cell.holds()).isEmpty();
    }
}
