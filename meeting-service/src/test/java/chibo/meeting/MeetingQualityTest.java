package chibo.meeting;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventSchemas;
import chibo.contracts.meeting.MeetingGraded;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingQualityTest extends MeetingComponentTest {

    @Test
    void a_recorded_meeting_is_graded_and_both_facts_are_published_together() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(4);
        fixture.awaitRoster(http, fixture.cell, members);
        Map<String, String> attendance = new LinkedHashMap<>();
        members.forEach(m -> attendance.put(m, "PRESENT"));
        attendance.put(members.get(3), "UNEXCUSED");

        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 9, 5), attendance));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var quality = response.json().get("quality");
        assertThat(quality.get("qualityMet").asBoolean()).as("75% attendance, one unexcused").isFalse();
        // 75% is not above 85%: the attendance criterion fails and earns none of its 30 points (HD 12-HD/BTCTW)
        assertThat(quality.get("points").asInt()).isEqualTo(0 + 0 + 20 + 20 + 10 + 0);
        assertThat(quality.get("grade").asString()).isEqualTo("AVERAGE");
        String meetingId = response.json().get("meetingId").asString();

        List<EventEnvelope> events = cellEventsThrough(fixture.cell, meetingId);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("meeting.held.v1", "meeting.graded.v1");
        MeetingGraded graded = (MeetingGraded) events.get(1).payload();
        assertThat(graded.points()).isEqualTo(50);
        assertThat(graded.reasons()).anySatisfy(r -> assertThat(r).startsWith("not đạt chất lượng: 1 unexcused"));
        assertThat(EventSchemas.violations(graded)).isEmpty();
        assertThat(events.get(1).correlationId()).isEqualTo(events.get(0).correlationId());
    }

    @Test
    void a_committee_above_the_cell_overrides_the_grade_and_the_computed_grade_stays_on_record() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);
        String meetingId = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting(members)).json().get("meetingId").asString();
        String path = "/cells/" + fixture.cell + "/meetings/" + meetingId;

        Http.Response bySelf = http.post(path + "/grade-override", TestTokens.writer(fixture.cell),
                Map.of("grade", "POOR", "reason", "the cell grades itself"));
        Http.Response byCommittee = http.post(path + "/grade-override", TestTokens.writer(fixture.grassroots),
                Map.of("grade", "FAIR", "reason", "the resolution was copied from last month"));

        assertThat(bySelf.status()).isEqualTo(403);
        assertThat(bySelf.json().get("errors").get(0).get("rule").asString()).isEqualTo("higher-level-committee");
        assertThat(byCommittee.status()).as(byCommittee.body()).isEqualTo(200);
        var quality = http.get(path, fixture.writer()).json().get("quality");
        assertThat(quality.get("grade").asString()).isEqualTo("FAIR");
        assertThat(quality.get("override").get("computedGrade").asString()).isEqualTo("GOOD");
        assertThat(quality.get("override").get("byOrgId").asString()).isEqualTo(fixture.grassroots);
        assertThat(quality.get("points").asInt()).as("the computed points stay").isEqualTo(90);
        var listed = http.get("/cells/" + fixture.cell + "/meetings?year=2025", fixture.writer()).json().get(0);
        assertThat(listed.get("overridden").asBoolean()).isTrue();

        String marker = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 10, 3), Map.of(members.get(0), "PRESENT",
                        members.get(1), "PRESENT"))).json().get("meetingId").asString();
        assertThat(cellEventsThrough(fixture.cell, marker)).extracting(EventEnvelope::type).containsExactly(
                "meeting.held.v1", "meeting.graded.v1", "meeting.graded.v1", "meeting.held.v1", "meeting.graded.v1");
    }

    @Test
    void overriding_a_meeting_that_was_never_recorded_is_404() {
        CellFixture fixture = new CellFixture(membership);
        fixture.awaitRoster(http, fixture.cell, List.of()); // the cell is known (its registration has arrived)

        Http.Response response = http.post("/cells/" + fixture.cell + "/meetings/none/grade-override",
                fixture.writer(), Map.of("grade", "FAIR", "reason", "x"));

        assertThat(response.status()).as(response.body()).isEqualTo(404);
    }
}
