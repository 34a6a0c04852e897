package chibo.meeting;

import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad meetings, overrides and ratings: each answered with the right 4xx problem naming the field and the rule,
 * and nothing stored (the cell's meeting record and ratings are unchanged afterwards).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingBadInputTest extends MeetingComponentTest {

    private CellFixture fixture;
    private List<String> members;

    @BeforeAll
    void cell() {
        http = new Http("http://localhost:" + port);
        membership = new chibo.testsupport.EventPublisher(chibo.testsupport.TestBroker.bootstrapServers(),
                "/chibo/membership-service");
        fixture = new CellFixture(membership);
        members = fixture.admitMembers(3);
        fixture.awaitRoster(http, fixture.cell, members);
    }

    private Map<String, Object> good() {
        Map<String, String> attendance = new LinkedHashMap<>();
        members.forEach(m -> attendance.put(m, "PRESENT"));
        return CellFixture.meeting("REGULAR", LocalDate.of(2025, 9, 5), attendance);
    }

    private Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = good();
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> attendanceEntry(Map<String, Object> body, int index) {
        List<Map<String, Object>> attendance = new ArrayList<>((List<Map<String, Object>>) body.get("attendance"));
        Map<String, Object> entry = new LinkedHashMap<>(attendance.get(index));
        attendance.set(index, entry);
        body.put("attendance", attendance);
        return entry;
    }

    Stream<Arguments> badMeetings() {
        return Stream.of(
                Arguments.of("no kind", with(b -> b.remove("kind")), 400, "kind"),
                Arguments.of("an unknown kind", with(b -> b.put("kind", "WEEKLY")), 400, "kind"),
                Arguments.of("no start", with(b -> b.remove("startedAt")), 400, "startedAt"),
                Arguments.of("a start that is not a time", with(b -> b.put("startedAt", "tối thứ sáu")), 400,
                        "startedAt"),
                Arguments.of("an end before the start", with(b -> b.put("endedAt", "2025-09-05T18:00:00")), 400,
                        "endedAt"),
                Arguments.of("a meeting of two days", with(b -> b.put("endedAt", "2025-09-07T21:00:00")), 400,
                        "endedAt"),
                Arguments.of("a meeting not yet held", with(b -> {
                    LocalDate next = LocalDate.now().plusDays(3);
                    b.put("startedAt", next + "T19:30:00");
                    b.put("endedAt", next + "T21:30:00");
                }), 400, "startedAt"),
                Arguments.of("a thematic meeting without a topic", with(b -> {
                    b.put("kind", "THEMATIC");
                    b.remove("topic");
                }), 400, "topic"),
                Arguments.of("no chair", with(b -> b.remove("chairMemberId")), 400, "chairMemberId"),
                Arguments.of("a chair who was not there", with(b -> b.put("chairMemberId", "stranger")), 422,
                        "chairMemberId"),
                Arguments.of("no attendance", with(b -> b.remove("attendance")), 400, "attendance"),
                Arguments.of("an attendance status that does not exist",
                        with(b -> attendanceEntry(b, 0).put("status", "LATE")), 400, "attendance[0].status"),
                Arguments.of("an excused absence without a reason",
                        with(b -> attendanceEntry(b, 1).put("status", "EXCUSED")), 422, "attendance[1].reason"),
                Arguments.of("a member listed twice",
                        with(b -> attendanceEntry(b, 2).put("memberId", members.get(1))), 422,
                        "attendance[2].memberId"),
                Arguments.of("a guest from the cell's own level", with(b -> b.put("guests", List.of(
                        Map.of("name", "Lò Văn A", "level", "CELL")))), 422, "guests[0].level"),
                Arguments.of("a guest from an organisation not above the cell", with(b -> b.put("guests", List.of(
                        Map.of("name", "Lò Văn A", "orgId", fixture.otherCell, "level", "CELL")))), 422,
                        "guests[0].orgId"),
                Arguments.of("a guest at the wrong level for their organisation", with(b -> b.put("guests",
                        List.of(Map.of("name", "Lò Văn A", "orgId", fixture.province, "level", "COMMUNE")))), 422,
                        "guests[0].level"),
                Arguments.of("a resolution owner not on the roster", with(b -> b.put("resolutions", List.of(
                        Map.of("text", "sửa đường", "ownerMemberId", "stranger")))), 422,
                        "resolutions[0].ownerMemberId"),
                Arguments.of("an unknown field", with(b -> b.put("weather", "mưa")), 400, "weather"),
                Arguments.of("a meeting id with spaces", with(b -> b.put("meetingId", "tháng 9")), 400,
                        "meetingId"),
                Arguments.of("a number where the kind goes", with(b -> b.put("kind", 0)), 400, "kind"),
                Arguments.of("a number where the topic goes", with(b -> b.put("topic", 9)), 400, "topic"),
                Arguments.of("a text where a yes or no goes", with(b -> b.put("minutesComplete", "true")), 400,
                        "minutesComplete"),
                Arguments.of("a start with a time zone", with(b -> b.put("startedAt", "2025-09-05T19:30:00+07:00")),
                        400, "startedAt"),
                Arguments.of("a start followed by a NUL", with(b -> b.put("startedAt", "2025-09-05T19:30:00\u0000")),
                        400, "startedAt"),
                Arguments.of("a zero-width space in the topic", with(b -> b.put("topic", "Sinh hoạt\u200b tháng 9")),
                        400, "topic"),
                Arguments.of("a right-to-left override in the place", with(b -> b.put("place", "Nhà văn hóa \u202e")),
                        400, "place"),
                Arguments.of("a control character in an excused absence's reason", with(b -> {
                    Map<String, Object> entry = attendanceEntry(b, 1);
                    entry.put("status", "EXCUSED");
                    entry.put("reason", "ốm\u0007");
                }), 400, "attendance[1].reason"),
                Arguments.of("a line break in a member id", with(b -> b.put("chairMemberId", "m-1\nm-2")), 400,
                        "chairMemberId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMeetings")
    void a_bad_meeting_is_refused_naming_the_field_and_nothing_is_stored(String what, Map<String, Object> body,
                                                                         int status, String field) {
        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(), body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").values().stream().map(e -> e.get("field").asString()).toList())
                .as(response.body()).contains(field);
        assertNothingStored();
    }

    @Test
    void malformed_json_is_refused() {
        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(), "{\"kind\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:chibo:problem:malformed-json");
        assertNothingStored();
    }

    @Test
    void a_reader_cannot_record_and_nobody_without_a_token_can_read() {
        assertThat(http.post("/cells/" + fixture.cell + "/meetings",
                TestTokens.token("dash", List.of("dashboard-reader"), fixture.province), good()).status())
                .isEqualTo(403);
        assertThat(http.get("/cells/" + fixture.cell + "/meetings", null).status()).isEqualTo(401);
        assertThat(http.get("/cells/" + fixture.cell + "/compliance", TestTokens.writer("elsewhere")).status())
                .isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void a_compliance_year_outside_the_calendar_is_refused_naming_the_year() {
        for (String year : new String[]{"1929", "0", "2101", "2000000000"}) {
            Http.Response response = http.get("/cells/" + fixture.cell + "/compliance?year=" + year,
                    fixture.writer());

            assertThat(response.status()).as(year + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
            assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("within-calendar");
        }
        assertThat(http.get("/cells/" + fixture.cell + "/compliance?year=1930", fixture.writer()).status())
                .isEqualTo(200);
    }

    Stream<Arguments> badOverrides() {
        return Stream.of(
                Arguments.of("no grade", Map.of("reason", "x"), 400, "grade"),
                Arguments.of("a grade that does not exist", Map.of("grade", "EXCELLENT", "reason", "x"), 400, "grade"),
                Arguments.of("no reason", Map.of("grade", "FAIR"), 400, "reason"));
    }

    @ParameterizedTest(name = "override with {0}")
    @MethodSource("badOverrides")
    void a_bad_override_is_refused(String what, Map<String, Object> body, int status, String field) {
        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings/m/grade-override",
                TestTokens.writer(fixture.grassroots), body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    Stream<Arguments> badRatings() {
        return Stream.of(
                Arguments.of("no year", Map.of("level", "GOOD", "points", 80, "decisionDate", "2025-12-20",
                        "decisionNumber", "1", "decidingOrgId", "G"), 400, "year"),
                Arguments.of("points above 100", Map.of("year", 2025, "level", "GOOD", "points", 180,
                        "decisionDate", "2025-12-20", "decisionNumber", "1", "decidingOrgId", "G"), 400, "points"),
                Arguments.of("a level that does not exist", Map.of("year", 2025, "level", "GREAT", "points", 80,
                        "decisionDate", "2025-12-20", "decisionNumber", "1", "decidingOrgId", "G"), 400, "level"));
    }

    @ParameterizedTest(name = "rating with {0}")
    @MethodSource("badRatings")
    void a_bad_rating_is_refused(String what, Map<String, Object> body, int status, String field) {
        Http.Response response = http.post("/cells/" + fixture.cell + "/ratings", fixture.writer(), body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(http.get("/cells/" + fixture.cell + "/ratings", fixture.writer()).json().values()).isEmpty();
    }

    @Test
    void a_rating_by_an_unknown_organisation_names_it() {
        Map<String, Object> body = Map.of("year", 2025, "level", "GOOD", "points", 80, "decisionDate",
                "2025-12-20", "decisionNumber", "1", "decidingOrgId", "no-such-org");

        Http.Response response = http.post("/cells/" + fixture.cell + "/ratings", fixture.writer(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("decidingOrgId");
    }

    private void assertNothingStored() {
        Http.Response meetings = http.get("/cells/" + fixture.cell + "/meetings?year=2025", fixture.writer());
        assertThat(meetings.status()).isEqualTo(200);
        assertThat(meetings.json().values()).isEmpty();
    }
}
