package chibo.meeting;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.testsupport.EventPublisher;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A province with one grassroots committee and two cells, published as membership-service would. */
final class CellFixture {

    final String province;
    final String grassroots;
    final String cell;
    final String otherCell;
    private final EventPublisher publisher;

    CellFixture(EventPublisher publisher) {
        this.publisher = publisher;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "P-" + suffix;
        grassroots = "G-" + suffix;
        cell = "C1-" + suffix;
        otherCell = "C2-" + suffix;
        LocalDate founded = LocalDate.of(2020, 1, 1);
        publisher.publish(province, founded, province, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE,
                null));
        publisher.publish(grassroots, founded, province, new OrganizationRegistered("Đảng bộ xã",
                OrgLevel.GRASSROOTS, province));
        publisher.publish(cell, founded, grassroots, new OrganizationRegistered("Chi bộ 1", OrgLevel.CELL,
                grassroots));
        publisher.publish(otherCell, founded, grassroots, new OrganizationRegistered("Chi bộ 2", OrgLevel.CELL,
                grassroots));
    }

    String writer() {
        return TestTokens.writer(province);
    }

    EventEnvelope admitted(String memberId, String cellId) {
        return publisher.next(memberId, LocalDate.of(2024, 3, 1), grassroots, new MemberAdmitted(
                new Person("Lò Văn " + memberId, LocalDate.of(1990, 1, 1), Sex.MALE, "Thái",
                        Education.UPPER_SECONDARY, null),
                cellId, LocalDate.of(2024, 2, 20), new Vote(9, 0, 0, 9), List.of(), true, null));
    }

    List<String> admitMembers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "m-" + UUID.randomUUID();
            publisher.send(admitted(id, cell));
            ids.add(id);
        }
        return ids;
    }

    static List<String> roster(Http http, String cellId, String token) {
        Http.Response response = http.get("/cells/" + cellId + "/roster", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("members").values().stream().map(n -> n.asString()).toList();
    }

    void awaitRoster(Http http, String cellId, List<String> expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(roster(http, cellId, writer())).containsExactlyInAnyOrderElementsOf(expected));
    }

    /** A meeting body with everyone present. */
    static Map<String, Object> meeting(List<String> present) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "REGULAR");
        body.put("topic", "Sinh hoạt tháng 9");
        body.put("startedAt", "2025-09-05T19:30:00");
        body.put("endedAt", "2025-09-05T21:15:00");
        body.put("attendance", present.stream()
                .map(id -> Map.of("memberId", id, "status", "PRESENT")).toList());
        String chair = present.isEmpty() ? "nobody" : present.getFirst();
        body.put("chairMemberId", chair);
        body.put("secretaryMemberId", chair);
        body.put("preparation", Map.of("contentBySecretary", true, "committeeMetBeforehand", true,
                "draftResolution", true));
        body.put("minutesComplete", true);
        return body;
    }

    /** A meeting on {@code day} (19:30–21:30) with the given attendance, by member id. */
    static Map<String, Object> meeting(String kind, LocalDate day, Map<String, String> attendance) {
        Map<String, Object> body = meeting(List.of());
        body.put("kind", kind);
        body.put("topic", kind.equals("REGULAR") ? "Sinh hoạt tháng " + day.getMonthValue() : "Học tập chuyên đề");
        body.put("startedAt", day + "T19:30:00");
        body.put("endedAt", day + "T21:30:00");
        body.put("attendance", attendance.entrySet().stream().map(e -> e.getValue().equals("EXCUSED")
                ? Map.of("memberId", e.getKey(), "status", "EXCUSED", "reason", "ốm")
                : Map.of("memberId", e.getKey(), "status", e.getValue())).toList());
        String chair = attendance.entrySet().stream().filter(e -> e.getValue().equals("PRESENT"))
                .map(Map.Entry::getKey).findFirst().orElse("nobody");
        body.put("chairMemberId", chair);
        body.put("secretaryMemberId", chair);
        return body;
    }
}
