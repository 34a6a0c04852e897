package chibo.meeting;

import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.CellRated;
import chibo.meeting.compliance.ComplianceCheck;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CellRatingTest extends MeetingComponentTest {

    @Autowired
    ComplianceCheck check;

    private static Map<String, Object> rating(String decidingOrgId, String level, int points, boolean fourGood) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", 2025);
        body.put("level", level);
        body.put("points", points);
        body.put("fourGoodTitle", fourGood);
        body.put("decisionDate", "2025-12-20");
        body.put("decisionNumber", "15-QĐ/ĐU");
        body.put("decidingOrgId", decidingOrgId);
        return body;
    }

    @Test
    void the_committee_above_rates_the_cell_once_a_year_and_the_rating_is_published() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(1);
        fixture.awaitRoster(http, fixture.cell, members);

        Http.Response rated = http.post("/cells/" + fixture.cell + "/ratings", fixture.writer(),
                rating(fixture.grassroots, "GOOD", 84, false));
        Http.Response again = http.post("/cells/" + fixture.cell + "/ratings", fixture.writer(),
                rating(fixture.grassroots, "GOOD", 84, false));
        Http.Response bySelf = http.post("/cells/" + fixture.otherCell + "/ratings", fixture.writer(),
                rating(fixture.otherCell, "GOOD", 84, false));
        Http.Response pointsTooFew = http.post("/cells/" + fixture.otherCell + "/ratings", fixture.writer(),
                rating(fixture.grassroots, "EXCELLENT", 84, false));
        Http.Response stranger = http.post("/cells/" + fixture.otherCell + "/ratings", TestTokens.writer("elsewhere"),
                rating(fixture.grassroots, "GOOD", 84, false));

        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:chibo:problem:rule:cell-rating.once-a-year");
        assertThat(bySelf.json().get("errors").get(0).get("field").asString()).isEqualTo("decidingOrgId");
        assertThat(pointsTooFew.json().get("errors").get(0).get("rule").asString())
                .isEqualTo("cell-rating.level-follows-points");
        assertThat(stranger.status()).isEqualTo(403);
        String marker = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting(members)).json().get("meetingId").asString();
        assertThat(cellEventsThrough(fixture.cell, marker).stream().map(EventEnvelope::payload)
                .filter(CellRated.class::isInstance).toList())
                .containsExactly(new CellRated(2025, chibo.contracts.member.RatingLevel.GOOD, 84, false));
        assertThat(http.get("/cells/" + fixture.otherCell + "/ratings", fixture.writer()).json().values()).isEmpty();
    }

    @Test
    void the_four_good_title_needs_the_meeting_duty_kept() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(1);
        fixture.awaitRoster(http, fixture.cell, members);
        for (String day : List.of("2025-07-04", "2025-08-08", "2025-09-05", "2025-10-03", "2025-11-07",
                "2025-12-05")) {
            String kind = day.startsWith("2025-07") || day.startsWith("2025-10") ? "COMBINED" : "REGULAR";
            assertThat(http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                    CellFixture.meeting(kind, LocalDate.parse(day), Map.of(members.get(0), "PRESENT"))).status())
                    .isEqualTo(201);
        }
        var admission = fixture.admitted("m-" + java.util.UUID.randomUUID(), fixture.otherCell);
        membership.send(admission);
        fixture.awaitRoster(http, fixture.otherCell, List.of(admission.subject()));
        check.run(LocalDate.of(2026, 1, 20));

        Http.Response kept = http.post("/cells/" + fixture.cell + "/ratings", fixture.writer(),
                rating(fixture.grassroots, "EXCELLENT", 93, true));
        Http.Response breached = http.post("/cells/" + fixture.otherCell + "/ratings", fixture.writer(),
                rating(fixture.grassroots, "EXCELLENT", 93, true));

        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(kept.json().get("fourGoodTitle").asBoolean()).isTrue();
        assertThat(breached.status()).isEqualTo(422);
        assertThat(breached.json().get("errors").get(0).get("field").asString()).isEqualTo("fourGoodTitle");
        assertThat(breached.json().get("errors").get(0).get("message").asString()).contains("breach(es) of 2025");
    }
}
