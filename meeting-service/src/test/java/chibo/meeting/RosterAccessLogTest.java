package chibo.meeting;

import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A roster names people: every read of one is in meeting-service's access log, with the members it named. */
class RosterAccessLogTest extends MeetingComponentTest {

    @Test
    void a_roster_read_is_logged_with_the_members_it_named_and_the_log_verifies() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);

        Http.Response roster = http.get("/cells/" + fixture.cell + "/roster", fixture.writer());
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);

        String dataProtection = TestTokens.dataProtection();
        JsonNode entry = await().atMost(Duration.ofSeconds(20)).until(() -> List.copyOf(http.get(
                "/access-log?subject=" + members.getFirst() + "&size=1000", dataProtection).json().get("items")
                .values()), items -> !items.isEmpty()).getLast();
        assertThat(entry.get("service").asString()).isEqualTo("meeting-service");
        assertThat(entry.get("subject").asString()).isEqualTo(fixture.cell);
        assertThat(entry.get("path").asString()).isEqualTo("/cells/" + fixture.cell + "/roster");
        assertThat(entry.get("persons").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(members);
        JsonNode verification = http.get("/access-log/verification", dataProtection).json();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(http.get("/access-log", fixture.writer()).status()).isEqualTo(403);
    }
}
