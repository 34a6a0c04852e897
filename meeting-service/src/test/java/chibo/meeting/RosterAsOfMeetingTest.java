package chibo.meeting;

import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.TransferKind;
import chibo.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Attendance is checked against the cell's roster on the meeting's own date, kept from membership events. */
class RosterAsOfMeetingTest extends MeetingComponentTest {

    @Test
    void a_meeting_recorded_late_is_checked_against_the_roster_of_its_date() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        String mover = members.get(0);
        String stayer = members.get(1);
        membership.publish(mover, LocalDate.of(2025, 6, 10), fixture.grassroots,
                new MemberTransferStarted(TransferKind.OFFICIAL, fixture.cell, fixture.grassroots, fixture.otherCell,
                        "moved"));
        membership.publish(mover, LocalDate.of(2025, 6, 20), fixture.grassroots,
                new MemberTransferReceived(fixture.otherCell));
        fixture.awaitRoster(http, fixture.otherCell, List.of(mover));

        Http.Response may = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 5, 8), Map.of(mover, "PRESENT", stayer, "PRESENT")));
        Http.Response july = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 7, 8), Map.of(mover, "PRESENT", stayer, "PRESENT")));
        Http.Response juneElsewhere = http.post("/cells/" + fixture.otherCell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 6, 15), Map.of(mover, "PRESENT")));

        assertThat(may.status()).as(may.body()).isEqualTo(201);
        assertThat(july.status()).isEqualTo(422);
        assertThat(july.json().get("errors").values()).singleElement().satisfies(error -> {
            assertThat(error.get("field").asString()).matches("attendance\\[[01]]\\.memberId");
            assertThat(error.get("message").asString()).contains(mover).contains("2025-07-08");
        });
        assertThat(juneElsewhere.status()).as("in transit on 15 June").isEqualTo(422);
        Http.Response rosterInMay = http.get("/cells/" + fixture.cell + "/roster?asOf=2025-05-08", fixture.writer());
        assertThat(rosterInMay.json().get("members").values().stream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder(mover, stayer);
    }

    @Test
    void every_member_who_must_attend_is_listed_and_an_exempted_member_need_not_be() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(3);
        String exempted = members.get(2);
        membership.publish(exempted, LocalDate.of(2025, 1, 15), fixture.grassroots, new MemberExempted("ill"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // the cell and its members are folded in their own time: until then the roster is unknown or partial
            Http.Response roster = http.get("/cells/" + fixture.cell + "/roster?asOf=2025-02-01", fixture.writer());
            assertThat(roster.status()).as(roster.body()).isEqualTo(200);
            List<JsonNode> lines = List.copyOf(roster.json().get("lines").values());
            assertThat(lines.stream().map(line -> line.get("memberId").asString()).toList())
                    .as("each member's admission is folded in its own partition's time")
                    .containsExactlyInAnyOrderElementsOf(members);
            assertThat(lines.stream()
                    .filter(line -> line.get("memberId").asString().equals(exempted))
                    .map(line -> line.get("presence").asString()).toList()).containsExactly("OPTIONAL");
        });

        Http.Response missingOne = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 3, 6), Map.of(members.get(0), "PRESENT")));
        Http.Response exemptedUnexcused = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 3, 6), Map.of(members.get(0), "PRESENT",
                        members.get(1), "PRESENT", exempted, "UNEXCUSED")));
        Http.Response withoutTheExempted = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 3, 6), Map.of(members.get(0), "PRESENT",
                        members.get(1), "PRESENT")));

        assertThat(missingOne.status()).isEqualTo(422);
        assertThat(missingOne.json().get("errors").get(0).get("field").asString()).isEqualTo("attendance");
        assertThat(missingOne.json().get("errors").get(0).get("message").asString()).contains(members.get(1))
                .doesNotContain(exempted);
        assertThat(exemptedUnexcused.status()).isEqualTo(422);
        assertThat(exemptedUnexcused.json().get("errors").get(0).get("rule").asString()).isEqualTo("need-not-attend");
        assertThat(withoutTheExempted.status()).as(withoutTheExempted.body()).isEqualTo(201);
        assertThat(withoutTheExempted.json().get("quality").get("qualityMet").asBoolean())
                .as("2 of 2 expected present").isTrue();
    }
}
