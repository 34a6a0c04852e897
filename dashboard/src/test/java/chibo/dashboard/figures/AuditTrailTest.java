package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the dashboard asks of reporting-service's archive, and how it reads the answers and the refusals. */
class AuditTrailTest {

    private MockRestServiceServer reporting;
    private AuditTrail audit;

    @BeforeEach
    void client() {
        RestClient.Builder builder = RestClient.builder();
        reporting = MockRestServiceServer.bindTo(builder).build();
        audit = new AuditTrail(builder, new DashboardProperties("http://reporting", "http://membership", "TW", null, null));
    }

    @Test
    void a_members_history_is_read_with_the_token_and_the_purpose_percent_encoded() {
        reporting.expect(requestTo("http://reporting/audit/members/TQ-MQ-NT-001/history?size=100&cursor=c2"))
                .andExpect(method(HttpMethod.GET)).andExpect(header("Authorization", "Bearer tok"))
                .andExpect(header("Purpose", "Ki%E1%BB%83m%20tra%20h%E1%BB%93%20s%C6%A1"))
                .andRespond(withSuccess("""
                        {"items":[{"id":"e1","storageId":"TQ-MQ-NT-001:0000000001","stream":"membership",
                        "type":"member.admitted.v1","subject":"TQ-MQ-NT-001","seq":1,"effectiveDate":"2025-03-14",
                        "recordedAt":"2026-11-02T03:04:00Z","actingOrg":"TQ-MQ","decisionNumber":"15-QĐ/ĐU",
                        "previousHash":"00","hash":"ab","contentIntact":true,"payload":{"cellId":"TQ-MQ-NT"},
                        "kafka":{"topic":"party.membership.events","partition":1,"offset":7}}],"size":100,
                        "next":null}""", MediaType.APPLICATION_JSON));

        History history = audit.memberHistory("tok", "TQ-MQ-NT-001", "c2", " Kiểm tra hồ sơ ");

        reporting.verify();
        History.Entry entry = history.items().getFirst();
        assertThat(entry.effectiveDate()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(entry.fact()).isEqualTo("member.admitted");
        assertThat(entry.aboutMember()).isTrue();
        assertThat(entry.payload().get("cellId").asString()).isEqualTo("TQ-MQ-NT");
        assertThat(history.next()).isNull();
    }

    @Test
    void a_members_history_file_is_read_byte_for_byte_with_its_digest_and_name() {
        byte[] issued = "\uFEFFtruong,gia_tri\r\nma_dang_vien,TQ-MQ-NT-001\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        reporting.expect(requestTo("http://reporting/audit/members/TQ-MQ-NT-001/history.csv"))
                .andExpect(header("Authorization", "Bearer tok")).andExpect(header("Purpose", "Thanh%20tra"))
                .andRespond(withSuccess(issued, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .header("Repr-Digest", "sha-256=:q1w2e3=:")
                        .header("Content-Disposition", "attachment; filename=\"lich-su-dang-vien-TQ-MQ-NT-001.csv\""));

        IssuedFile file = audit.memberHistoryFile("tok", "TQ-MQ-NT-001", "Thanh tra");

        reporting.verify();
        assertThat(file.bytes()).isEqualTo(issued);
        assertThat(file.reprDigest()).isEqualTo("sha-256=:q1w2e3=:");
        assertThat(file.filename()).isEqualTo("lich-su-dang-vien-TQ-MQ-NT-001.csv");
    }

    @Test
    void without_a_purpose_no_purpose_header_is_sent_and_a_broken_chain_is_read_as_broken() {
        reporting.expect(requestTo("http://reporting/audit/subjects/TQ-MQ-NT-001/verification"))
                .andExpect(headerDoesNotExist("Purpose"))
                .andRespond(withSuccess("""
                        {"subject":"TQ-MQ-NT-001","intact":false,"chains":[{"stream":"membership",
                        "topic":"party.membership.events","events":3,"lastSeq":3,"verifiedThrough":1,"intact":false,
                        "brokenLinks":1,"firstBrokenLink":{"seq":2,"reason":"seq-gap","detail":"seq 2 missing",
                        "expected":"2","found":"3","partition":0,"offset":9},"lastRecordedAt":null}]}""",
                        MediaType.APPLICATION_JSON));

        ChainVerification verification = audit.verification("tok", "TQ-MQ-NT-001", "  ");

        reporting.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBreak().seq()).isEqualTo(2);
        assertThat(verification.firstBreak().reason()).isEqualTo("seq-gap");
    }

    @Test
    void an_organisations_history_covers_its_subtree() {
        reporting.expect(requestTo("http://reporting/audit/organizations/TQ-MQ/history?subtree=true&size=100"))
                .andRespond(withSuccess("{\"items\":[],\"size\":100,\"next\":null}", MediaType.APPLICATION_JSON));

        assertThat(audit.organisationHistory("tok", "TQ-MQ", null, null).items()).isEmpty();
        reporting.verify();
    }

    @Test
    void a_refusal_names_the_subject_with_reportings_problem_and_a_failure_means_unavailable() {
        reporting.expect(requestTo("http://reporting/audit/subjects/TQ-MQ-NT-001/verification"))
                .andRespond(withStatus(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"type\":\"urn:chibo:problem:forbidden\",\"detail\":\"auditors only\"}"));
        reporting.expect(requestTo("http://reporting/audit/subjects/TQ/verification")).andRespond(withServerError());

        assertThatThrownBy(() -> audit.verification("tok", "TQ-MQ-NT-001", null))
                .isInstanceOfSatisfying(FiguresRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.orgId()).isEqualTo("TQ-MQ-NT-001");
                    assertThat(refused.reason()).isEqualTo("auditors only");
                });
        assertThatThrownBy(() -> audit.verification("tok", "TQ", null)).isInstanceOf(FiguresUnavailable.class);
    }
}
