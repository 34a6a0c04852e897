package chibo.reporting.audit;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.DisciplineLevel;
import chibo.contracts.member.MemberDisciplined;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.reporting.ReportingComponentTest;
import chibo.testsupport.Http;
import chibo.testsupport.TestEventKeys;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static chibo.reporting.audit.MemberHistory.admittedTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tamper evidence as read off Kafka: a record whose payload was changed after it was sealed (in the producing
 * service's store, before its relay signed it; a change after signing is refused, see ForgedEventsTest) is found,
 * by the
 * archive as it reads and by a whole-organisation verification that reads the topics again, at exactly its seq.
 */
class AuditVerificationTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final String auditor = TestTokens.auditor();
    private String province;
    private String cell;
    private String tampered;
    private String clean;

    @BeforeEach
    void aMemberWhoseThirdEventWasChangedAfterSealing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "VP-" + suffix;
        cell = "VC-" + suffix;
        tampered = "vt-" + suffix;
        clean = "vc-" + suffix;
        LocalDate founded = LocalDate.parse("2015-01-01");
        publisher.publish(province, founded, province, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE,
                null));
        publisher.publish(cell, founded, province, new OrganizationRegistered("Chi bộ", OrgLevel.GRASSROOTS_CELL,
                province));

        publisher.publish(clean, LocalDate.parse("2020-01-10"), cell, admittedTo(cell));
        publisher.publish(clean, LocalDate.parse("2021-01-10"), cell, new MemberRecognized(
                LocalDate.parse("2021-01-10"), null, "C-1"));
        publisher.publish(clean, LocalDate.parse("2024-05-01"), cell, new MemberExempted("tuổi cao"));

        publisher.publish(tampered, LocalDate.parse("2020-02-10"), cell, admittedTo(cell));
        publisher.publish(tampered, LocalDate.parse("2021-02-10"), cell, new MemberRecognized(
                LocalDate.parse("2021-02-10"), null, "T-1"));
        EventEnvelope sealed = publisher.next(tampered, LocalDate.parse("2023-06-01"), cell,
                new MemberDisciplined(DisciplineLevel.REPRIMAND, "vi phạm quy định", false));
        // changed in the producing service's store after it was sealed and before its relay signed it
        publisher.send(TestEventKeys.signed(new EventEnvelope(sealed.id(), sealed.type(), sealed.source(),
                sealed.subject(), sealed.seq(), sealed.effectiveDate(), sealed.recordedAt(), sealed.actingOrg(),
                sealed.decisionNumber(), sealed.correlationId(), sealed.causationId(), sealed.previousHash(),
                sealed.hash(), new MemberDisciplined(DisciplineLevel.REPRIMAND, "không vi phạm gì", false))));
        publisher.publish(tampered, LocalDate.parse("2024-06-01"), cell, new MemberExempted("sức khỏe"));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(verification(tampered).get("chains").get(0).get("lastSeq").asLong()).isEqualTo(4);
            assertThat(verification(clean).get("chains").get(0).get("lastSeq").asLong()).isEqualTo(3);
        });
    }

    private JsonNode verification(String subject) {
        Http.Response response = http.get("/audit/subjects/" + subject + "/verification", auditor);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_archive_finds_the_changed_record_at_exactly_its_seq() {
        JsonNode report = verification(tampered);

        assertThat(report.get("intact").asBoolean()).isFalse();
        JsonNode chain = report.get("chains").get(0);
        assertThat(chain.get("stream").asString()).isEqualTo("membership");
        assertThat(chain.get("verifiedThrough").asLong()).isEqualTo(2);
        assertThat(chain.get("brokenLinks").asLong()).isEqualTo(1);
        JsonNode broken = chain.get("firstBrokenLink");
        assertThat(broken.get("seq").asLong()).isEqualTo(3);
        assertThat(broken.get("reason").asString()).isEqualTo("hash-mismatch");
        assertThat(broken.get("found").asString()).isNotEqualTo(broken.get("expected").asString());

        JsonNode history = http.get("/audit/members/" + tampered + "/history", auditor).json().get("items");
        assertThat(history.get(2).get("contentIntact").asBoolean()).isFalse();
        assertThat(history.get(2).get("payload").get("reason").asString()).isEqualTo("không vi phạm gì");
        assertThat(history.get(3).get("contentIntact").asBoolean()).isTrue();
    }

    @Test
    void the_printed_history_of_the_changed_member_says_where_its_chain_breaks_and_marks_the_changed_event() {
        Http.Response printed = http.get("/audit/members/" + tampered + "/history.csv", auditor);

        assertThat(printed.status()).as(printed.body()).isEqualTo(200);
        assertThat(printed.body()).contains("\r\nchuoi_hash,bi_dut\r\n", "\r\nxac_minh_den_seq,2\r\n",
                "\r\nso_lien_ket_hong,1\r\n", "\r\ndut_tai_seq,3\r\n", "\r\nly_do_dut,hash-mismatch\r\n",
                "\r\nchi_tiet_dut,the content of seq 3 does not match its hash");
        assertThat(printed.body().lines().filter(line -> line.startsWith("3,"))).singleElement().asString()
                .contains("member.disciplined.v1").contains(",3,").endsWith(",false");
        assertThat(printed.body().lines().filter(line -> line.endsWith(",true"))).hasSize(3);
    }

    @Test
    void an_untampered_member_and_its_organisations_verify_clean() {
        JsonNode report = verification(clean);
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("chains").get(0).get("verifiedThrough").asLong()).isEqualTo(3);
        assertThat(report.get("chains").get(0).get("firstBrokenLink").isNull()).isTrue();
        assertThat(verification(province).get("intact").asBoolean()).isTrue();
        assertThat(http.get("/audit/subjects/nobody-" + clean + "/verification", auditor).status()).isEqualTo(404);
    }

    @Test
    void a_whole_organisation_verification_rereads_the_topics_and_reports_the_same_first_broken_link() {
        Http.Response started = http.post("/audit/organizations/" + province + "/verifications", auditor, "{}");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/audit/verifications/" + started.json().get("id").asString());
        JsonNode job = await().atMost(PATIENCE).until(() -> http.get(location, auditor).json(),
                body -> body.get("state").asString().equals("COMPLETED")
                        || body.get("state").asString().equals("FAILED"));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("subjectsTotal").asLong()).isEqualTo(4);
        assertThat(job.get("subjectsDone").asLong()).isEqualTo(4);
        assertThat(job.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(job.get("brokenChains").asLong()).isEqualTo(1);
        JsonNode broken = job.get("brokenLinks").get(0);
        assertThat(broken.get("subject").asString()).isEqualTo(tampered);
        assertThat(broken.get("stream").asString()).isEqualTo("membership");
        assertThat(broken.get("seq").asLong()).isEqualTo(3);
        assertThat(broken.get("reason").asString()).isEqualTo("hash-mismatch");
        assertThat(job.get("recordsRead").asLong()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void a_verification_needs_a_known_organisation_and_an_auditor() {
        assertThat(http.post("/audit/organizations/nowhere-" + province + "/verifications", auditor, "{}").status())
                .isEqualTo(404);
        assertThat(http.post("/audit/organizations/" + province + "/verifications", null, "{}").status())
                .isEqualTo(401);
        assertThat(http.post("/audit/organizations/" + province + "/verifications", TestTokens.writer(province),
                "{}").status()).isEqualTo(403);
        assertThat(http.get("/audit/verifications/" + UUID.randomUUID(), auditor).status()).isEqualTo(404);
    }
}
