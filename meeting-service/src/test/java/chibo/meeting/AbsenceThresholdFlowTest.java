package chibo.meeting;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventSchemas;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.testsupport.Http;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AbsenceThresholdFlowTest extends MeetingComponentTest {

    @Test
    void the_third_month_of_unexcused_absence_publishes_the_threshold_once() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);
        String absent = members.get(1);
        List<String> recorded = new java.util.ArrayList<>();
        for (String day : List.of("2025-02-06", "2025-04-03", "2025-05-08", "2025-06-05")) {
            Http.Response response = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                    CellFixture.meeting("REGULAR", LocalDate.parse(day), Map.of(members.get(0), "PRESENT",
                            absent, "UNEXCUSED")));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            recorded.add(response.json().get("meetingId").asString());
        }

        List<EventEnvelope> events = cellEventsThrough(fixture.cell, recorded.getLast());
        List<EventEnvelope> thresholds = events.stream()
                .filter(e -> e.payload() instanceof MemberAbsenceThresholdReached).toList();
        assertThat(thresholds).singleElement().satisfies(event -> {
            var reached = (MemberAbsenceThresholdReached) event.payload();
            assertThat(reached.memberId()).isEqualTo(absent);
            assertThat(reached.meetingIds()).containsExactlyElementsOf(recorded.subList(0, 3));
            assertThat(event.effectiveDate()).isEqualTo(LocalDate.of(2025, 5, 8));
            assertThat(event.type()).isEqualTo("member.absence_threshold_reached.v1");
            assertThat(EventSchemas.violations(reached)).isEmpty();
        });
    }
}
