package chibo.system;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventSchemas;
import chibo.contracts.Topics;
import chibo.localstack.ApiBodies;
import chibo.localstack.LocalStack;
import chibo.testsupport.Http;
import chibo.testsupport.KafkaProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow across the services, each its own process: tokens from the real authorization server, an
 * organisation tree and members through membership-service, a meeting through meeting-service, counts from
 * reporting-service. Subclasses say where Kafka and MongoDB come from.
 */
abstract class EndToEndFlow {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    abstract LocalStack stack();

    /**
     * Central and province exist once per stack; each test adds its own commune and cell under the province. A
     * service is healthy before its consumers have their partitions, so this waits until reporting counts the
     * province: from then on every test's figures have a baseline.
     */
    static void registerCentralAndProvince(Agency agency) {
        String central = agency.centralWriter();
        assertThat(agency.register(central, "TW", "Ban Chấp hành Trung ương", "CENTRAL", null).status())
                .isEqualTo(201);
        assertThat(agency.register(central, "TQ", "Tỉnh ủy Tuyên Quang", "PROVINCE", "TW").status()).isEqualTo(201);
        String dashboard = agency.nationalDashboard();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(agency.members(dashboard, "TQ")).isZero());
    }

    /** A commune under the province and a cell under it, each registered (201). */
    static void communeWithCell(Agency agency, String writer, String commune, String cell, String cellName) {
        assertThat(agency.register(writer, commune, "Đảng bộ xã", "COMMUNE", "TQ").status()).isEqualTo(201);
        assertThat(agency.register(writer, cell, cellName, "CELL", commune).status()).isEqualTo(201);
    }

    /** The cell's roster as meeting-service keeps it; empty while it has not yet heard of the cell. */
    static List<String> roster(Agency agency, String token, String cell) {
        Http.Response roster = agency.meeting.get("/cells/" + cell + "/roster", token);
        if (roster.status() == 404) {
            return List.of();
        }
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        return roster.json().get("members").values().stream().map(JsonNode::asString).toList();
    }

    @Test
    void a_member_admitted_over_rest_is_counted_for_its_cell_and_every_ancestor() {
        Agency agency = new Agency(stack());
        String writer = agency.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String commune = "TQ-XA-" + suffix;
        String cell = "TQ-CB-" + suffix;
        communeWithCell(agency, writer, commune, cell, "Chi bộ thôn");
        String dashboard = agency.nationalDashboard();
        long provinceBefore = agency.members(dashboard, "TQ");
        long nationBefore = agency.members(dashboard, "TW");
        assertThat(provinceBefore).as("the province is counted before the test begins").isNotNegative();

        List<String> members = IntStream.rangeClosed(1, 3).mapToObj(i -> cell + "-m" + i).toList();
        for (String member : members) {
            Http.Response admitted = agency.admit(writer, member, cell, commune);
            assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        }

        // the three admitted and the cell's secretary, taken over from the register to introduce them
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(agency.members(dashboard, cell)).isEqualTo(4);
            assertThat(agency.members(dashboard, commune)).isEqualTo(4);
            assertThat(agency.members(dashboard, "TQ")).isEqualTo(provinceBefore + 4);
            assertThat(agency.members(dashboard, "TW")).isEqualTo(nationBefore + 4);
        });
        assertThat(agency.members(agency.provinceDashboard(), cell)).isEqualTo(4);
    }

    @Test
    void the_admission_is_on_the_topic_for_any_kafka_client_with_cloudevents_headers_and_a_json_body() {
        Agency agency = new Agency(stack());
        String writer = agency.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        communeWithCell(agency, writer, "TQ-XB-" + suffix, "TQ-CC-" + suffix, "Chi bộ");
        String member = "TQ-M-" + suffix;
        assertThat(agency.admit(writer, member, "TQ-CC-" + suffix, "TQ-XB-" + suffix).status()).isEqualTo(201);

        try (KafkaProbe probe = new KafkaProbe(stack().bootstrapServers(), stack().kafkaClientProperties(), Topics.MEMBERSHIP)) {
            var record = probe.awaitKey(member, records -> !records.isEmpty(), PATIENCE).getFirst();
            Map<String, String> headers = StreamSupport.stream(record.headers().spliterator(), false)
                    .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(headers).containsEntry("ce_type", "member.admitted.v1").containsEntry("ce_subject", member)
                    .containsKey("ce_id").containsEntry("content-type", "application/json");
            var event = CloudEventsKafka.read(record.headers(), record.value());
            assertThat(event.hashIsIntact()).isTrue();
            assertThat(EventSchemas.violations(event.envelope().payload())).isEmpty();
        }
    }

    @Test
    void a_decisions_trace_travels_from_the_request_to_its_record_on_kafka() {
        Agency agency = new Agency(stack());
        String writer = agency.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        communeWithCell(agency, writer, "TQ-XT-" + suffix, "TQ-CT-" + suffix, "Chi bộ");
        String member = "TQ-MT-" + suffix;
        String trace = UUID.randomUUID().toString().replace("-", "");
        String agencySpan = "00f067aa0ba902b7";

        Http.Response enrolled = agency.membership.send("POST", "/members/enrolments", writer,
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(ApiBodies.enrolment(
                        member, "Hoàng Thị Vân", "TQ-CT-" + suffix, "Sổ đảng viên TQ-CT-" + suffix)),
                Map.of("Content-Type", "application/json", "traceparent", "00-" + trace + "-" + agencySpan + "-01"));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

        try (KafkaProbe probe = new KafkaProbe(stack().bootstrapServers(), stack().kafkaClientProperties(),
                Topics.MEMBERSHIP)) {
            var record = probe.awaitKey(member, records -> !records.isEmpty(), PATIENCE).getFirst();
            Header traceparent = record.headers().lastHeader("traceparent");
            assertThat(traceparent).as("the record carries a W3C trace context").isNotNull();
            String[] parts = new String(traceparent.value(), StandardCharsets.US_ASCII).split("-");
            assertThat(parts).hasSize(4);
            assertThat(parts[1]).as("the agency's trace").isEqualTo(trace);
            assertThat(parts[2]).as("a span of chibo's inside it").hasSize(16).isNotEqualTo(agencySpan);
            assertThat(parts[3]).as("sampled, as the agency asked").isEqualTo("01");
        }
    }

    @Test
    void a_meeting_recorded_for_the_cells_roster_is_published() {
        Agency agency = new Agency(stack());
        String writer = agency.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String commune = "TQ-XM-" + suffix;
        String cell = "TQ-CM-" + suffix;
        agency.register(writer, commune, "Đảng bộ xã", "COMMUNE", "TQ");
        agency.register(writer, cell, "Chi bộ", "CELL", commune);
        List<String> members = List.of(cell + "-a", cell + "-b");
        members.forEach(member -> assertThat(agency.admit(writer, member, cell, commune).status()).isEqualTo(201));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(roster(agency, writer, cell)).hasSize(3)
                .containsAll(members));
        Http.Response recorded = agency.recordMeeting(writer, cell, members);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        try (KafkaProbe probe = new KafkaProbe(stack().bootstrapServers(), stack().kafkaClientProperties(), Topics.MEETING)) {
            var events = probe.awaitEvents(cell, 1, PATIENCE);
            assertThat(events.getFirst().envelope().type()).isEqualTo("meeting.held.v1");
        }
    }

    @Test
    void three_months_of_unexcused_absence_in_a_year_open_a_removal_review_in_membership() {
        Agency agency = new Agency(stack());
        String writer = agency.provinceWriter();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String commune = "TQ-XV-" + suffix;
        String cell = "TQ-CV-" + suffix;
        agency.register(writer, commune, "Đảng bộ xã", "COMMUNE", "TQ");
        agency.register(writer, cell, "Chi bộ", "CELL", commune);
        String present = cell + "-a";
        String absent = cell + "-b";
        List.of(present, absent).forEach(member ->
                assertThat(agency.admit(writer, member, cell, commune).status()).isEqualTo(201));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(roster(agency, writer, cell)).hasSize(3)
                .contains(present, absent));

        for (String day : List.of("2025-10-03", "2025-11-07", "2025-12-05")) {
            Map<String, Object> meeting = ApiBodies.meeting(null, "REGULAR", "Sinh hoạt chi bộ", day + "T19:30:00",
                    day + "T21:30:00", List.of(Map.of("memberId", cell + "-BT", "status", "PRESENT"),
                            Map.of("memberId", present, "status", "PRESENT"),
                            Map.of("memberId", absent, "status", "UNEXCUSED")));
            Http.Response recorded = agency.meeting.post("/cells/" + cell + "/meetings", writer, meeting);
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            Http.Response member = agency.membership.get("/members/" + absent, writer);
            assertThat(member.json().get("reviews").values()).singleElement().satisfies(review -> {
                assertThat(review.get("kind").asString()).isEqualTo("REMOVAL");
                assertThat(review.get("evidence").size()).isEqualTo(3);
            });
        });
        // the due list is a read model folded from the topic: it follows the member's record shortly
        await().atMost(PATIENCE).untilAsserted(() -> {
            Http.Response dueList = agency.membership.get("/organizations/" + commune
                    + "/due-list?kind=REMOVAL_REVIEW", writer);
            assertThat(dueList.json().get("items").values().stream().map(i -> i.get("memberId").asString())
                    .toList()).containsExactly(absent);
        });
        assertThat(agency.membership.get("/members/" + present, writer).json().get("reviews").values()).isEmpty();
    }

    @Test
    void no_token_is_401_and_a_writer_for_another_province_is_403() {
        Agency agency = new Agency(stack());
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        Http.Response anonymous = agency.membership.post("/organizations", null, Map.of("name", "x"));
        Http.Response elsewhere = agency.register(agency.otherProvinceWriter(), "TQ-X-" + suffix, "Đảng bộ",
                "COMMUNE", "TQ");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
        assertThat(agency.reporting.get("/organizations/TQ/counts", null).status()).isEqualTo(401);
        assertThat(agency.meeting.get("/cells/TQ/roster", null).status()).isEqualTo(401);
    }

    @Test
    void bad_json_missing_fields_and_unknown_organisations_are_named_and_nothing_is_stored() {
        Agency agency = new Agency(stack());
        String writer = agency.provinceWriter();
        try (MongoClient mongo = MongoClients.create(stack().mongoUri("chibo-membership"))) {
            var events = mongo.getDatabase("chibo-membership").getCollection("party_membership_events");
            long before = events.countDocuments();

            Http.Response malformed = agency.membership.post("/members/admissions", writer, "{\"person\":");
            Http.Response missing = agency.membership.post("/members/admissions", writer,
                    Map.of("cellId", "TQ"));
            Http.Response unknown = agency.admit(writer, "m-" + UUID.randomUUID(), "no-such-cell", "TQ");

            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("type").asString()).isEqualTo("urn:chibo:problem:malformed-json");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("errors").values().stream().map(e -> e.get("field").asString()).toList())
                    .contains("person", "decisionDate", "decidingOrgId");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("cellId");
            assertThat(events.countDocuments()).isEqualTo(before);
        }
    }
}
