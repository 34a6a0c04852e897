package chibo.meeting;

import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.meeting.compliance.ComplianceCheck;
import chibo.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The meeting-duty check over real cells: a missed month is reported exactly once however often the check runs,
 * and however it was interrupted; a meeting recorded late retracts it. Checks start with July 2025
 * ({@code chibo.meetings.compliance.from}), five working days after a period ends.
 */
class ComplianceCheckTest extends MeetingComponentTest {

    /** 20/11/2025: July to October are closed, and the third quarter. */
    private static final LocalDate CHECK_DAY = LocalDate.of(2025, 11, 20);

    @Autowired
    ComplianceCheck check;

    private Map<String, String> allPresent(List<String> members) {
        return Map.of(members.get(0), "PRESENT", members.get(1), "PRESENT");
    }

    private void held(CellFixture fixture, String cellId, List<String> members, String kind, String day) {
        Http.Response response = http.post("/cells/" + cellId + "/meetings", fixture.writer(),
                CellFixture.meeting(kind, LocalDate.parse(day), allPresent(members)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static List<String> breaches(List<EventEnvelope> events) {
        return events.stream().filter(e -> e.payload() instanceof CellMeetingBreachDetected)
                .map(e -> (CellMeetingBreachDetected) e.payload()).map(b -> b.kind() + " " + b.period()).toList();
    }

    private String marker(CellFixture fixture, String cellId, List<String> members) {
        return http.post("/cells/" + cellId + "/meetings", fixture.writer(), CellFixture.meeting("REGULAR",
                LocalDate.of(2025, 11, 14), allPresent(members))).json().get("meetingId").asString();
    }

    @Test
    void a_missed_month_is_reported_once_even_when_the_check_runs_twice() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);
        held(fixture, fixture.cell, members, "REGULAR", "2025-07-04");
        held(fixture, fixture.cell, members, "COMBINED", "2025-09-05");
        held(fixture, fixture.cell, members, "REGULAR", "2025-10-03");

        check.run(CHECK_DAY);
        check.run(CHECK_DAY);
        check.run(CHECK_DAY.plusDays(1));

        List<EventEnvelope> events = cellEventsThrough(fixture.cell, marker(fixture, fixture.cell, members));
        assertThat(breaches(events)).containsExactly("NO_REGULAR_MEETING 2025-08");
        EventEnvelope breach = events.stream().filter(e -> e.payload() instanceof CellMeetingBreachDetected)
                .findFirst().orElseThrow();
        assertThat(breach.effectiveDate()).isEqualTo(LocalDate.of(2025, 8, 31));
        var august = http.get("/cells/" + fixture.cell + "/compliance?year=2025", fixture.writer()).json()
                .get("months").get(7);
        assertThat(august.get("status").asString()).isEqualTo("BREACH");
    }

    @Test
    void a_check_interrupted_half_way_and_run_again_reports_every_missed_period_exactly_once() {
        CellFixture fixture = new CellFixture(membership);
        List<String> first = fixture.admitMembers(2);
        List<String> second = List.of(fixture.admitted("m-" + java.util.UUID.randomUUID(), fixture.otherCell),
                fixture.admitted("m-" + java.util.UUID.randomUUID(), fixture.otherCell)).stream()
                .peek(membership::send).map(EventEnvelope::subject).toList();
        fixture.awaitRoster(http, fixture.cell, first);
        fixture.awaitRoster(http, fixture.otherCell, second);
        held(fixture, fixture.cell, first, "COMBINED", "2025-07-04");
        held(fixture, fixture.otherCell, second, "REGULAR", "2025-08-08");

        AtomicInteger cells = new AtomicInteger();
        assertThatThrownBy(() -> check.run(CHECK_DAY, cellId -> true, cellId -> {
            if (cellId.equals(fixture.cell) || cellId.equals(fixture.otherCell)) {
                if (cells.incrementAndGet() == 1) {
                    throw new IllegalStateException("the instance stops here");
                }
            }
        })).hasMessage("the instance stops here");
        check.run(CHECK_DAY);

        assertThat(breaches(cellEventsThrough(fixture.cell, marker(fixture, fixture.cell, first))))
                .containsExactlyInAnyOrder("NO_REGULAR_MEETING 2025-08", "NO_REGULAR_MEETING 2025-09",
                        "NO_REGULAR_MEETING 2025-10");
        assertThat(breaches(cellEventsThrough(fixture.otherCell, marker(fixture, fixture.otherCell, second))))
                .containsExactlyInAnyOrder("NO_REGULAR_MEETING 2025-07", "NO_REGULAR_MEETING 2025-09",
                        "NO_REGULAR_MEETING 2025-10", "NO_THEMATIC_MEETING 2025-Q3");
    }

    @Test
    void a_meeting_recorded_late_retracts_the_breach_of_its_month_by_a_compensating_event() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);
        held(fixture, fixture.cell, members, "COMBINED", "2025-07-04");
        held(fixture, fixture.cell, members, "REGULAR", "2025-09-05");
        held(fixture, fixture.cell, members, "REGULAR", "2025-10-03");
        check.run(CHECK_DAY);

        Http.Response late = http.post("/cells/" + fixture.cell + "/meetings", fixture.writer(),
                CellFixture.meeting("REGULAR", LocalDate.of(2025, 8, 29), allPresent(members)));
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        check.run(CHECK_DAY.plusDays(1));

        List<EventEnvelope> events = cellEventsThrough(fixture.cell, marker(fixture, fixture.cell, members));
        assertThat(breaches(events)).containsExactly("NO_REGULAR_MEETING 2025-08");
        assertThat(events.stream().filter(e -> e.payload() instanceof CellMeetingBreachRetracted)
                .map(e -> (CellMeetingBreachRetracted) e.payload()).toList()).singleElement()
                .satisfies(r -> {
                    assertThat(r.period()).isEqualTo("2025-08");
                    assertThat(r.meetingId()).isEqualTo(late.json().get("meetingId").asString());
                });
        var august = http.get("/cells/" + fixture.cell + "/compliance?year=2025", fixture.writer()).json()
                .get("months").get(7);
        assertThat(august.get("status").asString()).isEqualTo("HELD");
        assertThat(august.get("retractedBreach").asBoolean()).isTrue();
    }

    @Test
    void an_operator_runs_the_check_now_over_their_own_subtree_only() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(2);
        fixture.awaitRoster(http, fixture.cell, members);
        String compliance = "/cells/" + fixture.cell + "/compliance?year=2025";

        Http.Response elsewhere = http.post("/compliance/checks", chibo.testsupport.TestTokens.writer("elsewhere"),
                Map.of());
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        assertThat(http.get(compliance, fixture.writer()).json().get("months").get(7).get("status").asString())
                .isEqualTo("UNCHECKED");

        Http.Response here = http.post("/compliance/checks", fixture.writer(), Map.of());
        assertThat(here.status()).isEqualTo(200);
        assertThat(here.json().get("cellsChecked").asInt()).as("the other cell never had a member").isEqualTo(1);
        assertThat(here.json().get("breachesDetected").asInt()).as("July–December 2025 and two quarters at least")
                .isGreaterThanOrEqualTo(6 + 2);
        var year = http.get(compliance, fixture.writer()).json();
        assertThat(year.get("months").get(5).get("status").asString()).as("June 2025: before the checks start")
                .isEqualTo("NOT_REQUIRED");
        assertThat(year.get("months").get(7).get("status").asString()).isEqualTo("BREACH");
        assertThat(year.get("quarters").get(2).get("status").asString()).isEqualTo("BREACH");
    }
}
