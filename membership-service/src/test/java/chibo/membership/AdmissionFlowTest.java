package chibo.membership;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventSchemas;
import chibo.contracts.HashChain;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberAdmitted;
import chibo.testsupport.Http;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestTokens;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionFlowTest extends MembershipComponentTest {

    @Test
    void an_organisation_tree_is_registered_with_its_lineage() {
        Requests.Tree tree = Requests.Tree.create(http);

        Http.Response cell = http.get("/organizations/" + tree.cell(), tree.provinceWriter());

        assertThat(cell.status()).isEqualTo(200);
        assertThat(cell.json().get("level").asString()).isEqualTo("CELL");
        assertThat(cell.json().get("lineage").values().stream().map(n -> n.asString()).toList())
                .containsExactly(tree.central(), tree.province(), tree.commune(), tree.grassroots(), tree.cell());
    }

    @Test
    void an_admitted_member_is_stored_and_published_with_cloudevents_headers_and_a_schema_valid_body() {
        Requests.Tree tree = Requests.Tree.create(http);
        String memberId = "m-" + UUID.randomUUID();

        Http.Response admitted = http.post("/members/admissions", tree.provinceWriter(),
                tree.admission().memberId(memberId).build());

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        assertThat(admitted.header("Location")).isEqualTo("/members/" + memberId);
        assertThat(admitted.json().get("status").asString()).isEqualTo("PROBATIONARY");
        Http.Response read = http.get("/members/" + memberId, tree.provinceWriter());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("cellId").asString()).isEqualTo(tree.cell());

        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEMBERSHIP)) {
            var record = probe.awaitKey(memberId, records -> !records.isEmpty(), Duration.ofSeconds(30)).getFirst();
            Map<String, String> headers = StreamSupport.stream(record.headers().spliterator(), false)
                    .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(headers).containsEntry("ce_type", "member.admitted.v1")
                    .containsEntry("ce_subject", memberId)
                    .containsEntry("ce_source", "/chibo/membership-service")
                    .containsEntry("ce_seq", "1")
                    .containsEntry("ce_effectivedate", "2025-09-20")
                    .containsEntry("ce_actingorg", tree.grassroots())
                    .containsEntry("ce_decisionnumber", "115-QĐ/ĐU")
                    .containsEntry("ce_prevhash", HashChain.GENESIS)
                    .containsKey("ce_id");
            var body = JsonMapper.builder().build().readTree(record.value());
            assertThat(EventSchemas.violations("member.admitted.v1", body)).isEmpty();
            var event = CloudEventsKafka.read(record.headers(), record.value());
            assertThat(event.hashIsIntact()).isTrue();
            assertThat(((MemberAdmitted) event.envelope().payload()).cellId()).isEqualTo(tree.cell());
        }
    }

    @Test
    void organisation_events_are_published_in_order_keyed_by_organisation() {
        Requests.Tree tree = Requests.Tree.create(http);

        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.ORGANIZATION)) {
            List<CloudEventsKafka.ReceivedEvent> events = probe.awaitEvents(tree.cell(), 1, Duration.ofSeconds(30));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.envelope().type()).isEqualTo("organization.registered.v1");
                assertThat(e.envelope().actingOrg()).isEqualTo(tree.grassroots());
                assertThat(EventSchemas.violations(e.envelope().payload())).isEmpty();
            });
        }
    }
}
