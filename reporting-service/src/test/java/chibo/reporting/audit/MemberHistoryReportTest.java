package chibo.reporting.audit;

import chibo.contracts.EventPayload;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.reporting.ReportingComponentTest;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static chibo.reporting.audit.MemberHistory.admittedTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's history as an issued file: every event in effective order under the verdict on the member's chain and
 * who it was issued to; its digest in the register of issued reports, where a changed copy is not found; for those
 * who read members' histories only, and in the access log like the history itself.
 */
class MemberHistoryReportTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final SealedEvents events = new SealedEvents("/chibo/membership-service");
    private final String auditor = TestTokens.auditor();
    private String province;
    private String member;

    private void send(String subject, String effectiveDate, String actingOrg, String decision, EventPayload payload) {
        publisher.send(events.next(subject, LocalDate.parse(effectiveDate), actingOrg, decision, Instant.now(),
                payload));
    }

    @BeforeEach
    void aMemberRecognisedAfterTheTransferWasRecorded() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "HP-" + suffix;
        String cell1 = "HC1-" + suffix;
        String cell2 = "HC2-" + suffix;
        member = "hm-" + suffix;
        send(province, "2015-01-01", province, null, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE,
                null));
        send(cell1, "2015-01-01", province, null, new OrganizationRegistered("Chi bộ 1", OrgLevel.GRASSROOTS_CELL,
                province));
        send(cell2, "2015-01-01", province, null, new OrganizationRegistered("Chi bộ 2", OrgLevel.GRASSROOTS_CELL,
                province));
        send(member, "2020-03-10", province, "15-QĐ/TU", admittedTo(cell1));
        send(member, "2022-06-01", province, null, new MemberTransferReceived(cell2));
        // recorded third, effective second: the file lists it between the admission and the transfer
        send(member, "2021-03-10", province, "40-QĐ/TU, bổ sung", new MemberRecognized(
                LocalDate.parse("2021-03-10"), null, "H-1"));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(
                http.get("/audit/members/" + member + "/history", auditor).json().get("items")).hasSize(3));
    }

    private Http.Response file(String token) {
        return http.get("/audit/members/" + member + "/history.csv", token);
    }

    @Test
    void the_file_lists_every_event_in_effective_order_under_the_chains_verdict_and_who_it_was_issued_to() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Http.Response response = file(auditor);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"lich-su-dang-vien-" + member + ".csv\"");
        assertThat(response.body()).startsWith("\uFEFFbao_cao,lich_su_dang_vien\r\n");
        Printout printout = Printout.of(response.body());
        assertThat(printout.fields()).containsEntry("ma_dang_vien", member).containsEntry("chuoi_hash", "nguyen_ven")
                .containsEntry("xac_minh_den_seq", "3").containsEntry("seq_cuoi", "3")
                .containsEntry("so_lien_ket_hong", "0").containsEntry("dut_tai_seq", "")
                .containsEntry("so_su_kien", "3").containsEntry("phat_hanh_cho", "auditor");
        assertThat(Instant.parse(printout.fields().get("phat_hanh_luc"))).isBetween(before, Instant.now());

        assertThat(printout.header()).startsWith("thu_tu,loai_su_kien,ngay_hieu_luc,to_chuc_quyet_dinh");
        assertThat(printout.column("loai_su_kien")).containsExactly("member.admitted.v1", "member.recognized.v1",
                "member.transfer_received.v1");
        assertThat(printout.column("ngay_hieu_luc")).containsExactly("2020-03-10", "2021-03-10", "2022-06-01");
        assertThat(printout.column("seq")).containsExactly("1", "3", "2");
        assertThat(printout.column("thu_tu")).containsExactly("1", "2", "3");
        assertThat(printout.column("to_chuc_quyet_dinh")).containsOnly(province);
        assertThat(printout.column("so_quyet_dinh")).containsExactly("15-QĐ/TU", "\"40-QĐ/TU, bổ sung\"", "");
        assertThat(printout.column("noi_dung_khop_hash")).containsOnly("true");
        JsonNode history = http.get("/audit/members/" + member + "/history", auditor).json().get("items");
        List<String> idsBySeq = new ArrayList<>();
        List<String> hashesBySeq = new ArrayList<>();
        List<String> recordedBySeq = new ArrayList<>();
        history.forEach(entry -> {
            idsBySeq.add(entry.get("id").asString());
            hashesBySeq.add(entry.get("hash").asString());
            recordedBySeq.add(Instant.parse(entry.get("recordedAt").asString()).toString());
        });
        assertThat(printout.column("ma_su_kien")).containsExactly(idsBySeq.get(0), idsBySeq.get(2), idsBySeq.get(1));
        assertThat(printout.column("hash")).containsExactly(hashesBySeq.get(0), hashesBySeq.get(2),
                hashesBySeq.get(1));
        assertThat(printout.column("thoi_diem_ghi_nhan")).containsExactly(recordedBySeq.get(0),
                recordedBySeq.get(2), recordedBySeq.get(1));
    }

    @Test
    void its_digest_is_the_header_and_the_register_knows_it_but_not_a_copy_changed_by_a_byte() throws Exception {
        Http.Response response = file(auditor);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(bytes);
        String hex = HexFormat.of().formatHex(sha256);

        assertThat(response.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256)
                + ":");
        Http.Response lookedUp = http.get("/reports/" + hex, auditor);
        assertThat(lookedUp.status()).as(lookedUp.body()).isEqualTo(200);
        JsonNode issued = lookedUp.json();
        assertThat(issued.get("sha256").asString()).isEqualTo(hex);
        assertThat(issued.get("kind").asString()).isEqualTo("member-history");
        assertThat(issued.get("member").asString()).isEqualTo(member);
        assertThat(issued.get("orgId").isNull()).isTrue();
        assertThat(issued.get("firstIssuedTo").asString()).isEqualTo("auditor");
        assertThat(Instant.parse(issued.get("firstIssuedAt").asString()))
                .isEqualTo(Instant.parse(Printout.of(response.body()).fields().get("phat_hanh_luc")));
        assertThat(issued.get("times").asLong()).isEqualTo(1);
        assertThat(http.get("/reports/" + hex, TestTokens.dataProtection()).status()).isEqualTo(200);

        byte[] altered = response.body().replaceFirst("2021-03-10", "2021-03-11").getBytes(StandardCharsets.UTF_8);
        assertThat(altered).hasSameSizeAs(bytes).isNotEqualTo(bytes);
        String alteredHex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(altered));
        assertThat(http.get("/reports/" + alteredHex, auditor).status()).as("a copy changed").isEqualTo(404);
        assertThat(http.get("/reports/" + hex, TestTokens.reader(province)).status())
                .as("a member's history is not a figures reader's to know of").isEqualTo(404);
        assertThat(http.get("/reports/" + hex, TestTokens.writer(province)).status()).isEqualTo(404);
    }

    @Test
    void the_data_protection_role_may_have_the_file_and_no_one_else_but_auditors() {
        Http.Response forDataProtection = file(TestTokens.dataProtection());
        assertThat(forDataProtection.status()).isEqualTo(200);
        assertThat(Printout.of(forDataProtection.body()).fields()).containsEntry("phat_hanh_cho", "data-protection");

        assertThat(file(null).status()).isEqualTo(401);
        for (String token : List.of(TestTokens.reader(province), TestTokens.writer(province), TestTokens.operator())) {
            Http.Response refused = file(token);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:chibo:problem:forbidden");
            assertThat(refused.body()).doesNotContain("member.admitted.v1");
            assertThat(refused.header("Repr-Digest")).isNull();
        }
        Http.Response unknown = http.get("/audit/members/nobody-" + member + "/history.csv", auditor);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:chibo:problem:not-found");
        assertThat(unknown.header("Repr-Digest")).isNull();
    }

    @Test
    void every_issue_of_the_file_answered_or_refused_is_in_the_access_log_with_its_purpose() {
        String path = "/audit/members/" + member + "/history.csv";
        assertThat(http.send("GET", path, auditor, null, Map.of("Purpose", "inspection 12/2026")).status())
                .isEqualTo(200);
        assertThat(file(TestTokens.reader(province)).status()).isEqualTo(403);

        List<JsonNode> entries = await().atMost(PATIENCE).until(() -> {
            Http.Response page = http.get("/access-log?subject=" + member + "&size=1000",
                    TestTokens.dataProtection());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            List<JsonNode> ofFile = new ArrayList<>();
            page.json().get("items").forEach(entry -> {
                if (entry.get("path").asString().equals(path)) {
                    ofFile.add(entry);
                }
            });
            return ofFile;
        }, found -> found.size() >= 2);

        assertThat(entries).extracting(entry -> entry.get("outcome").asString())
                .containsExactlyInAnyOrder("SERVED", "REFUSED");
        assertThat(entries).filteredOn(entry -> entry.get("outcome").asString().equals("SERVED")).singleElement()
                .satisfies(served -> {
                    assertThat(served.get("who").asString()).isEqualTo("auditor");
                    assertThat(served.get("subject").asString()).isEqualTo(member);
                    assertThat(served.get("purpose").asString()).isEqualTo("inspection 12/2026");
                });
        assertThat(entries).filteredOn(entry -> entry.get("outcome").asString().equals("REFUSED"))
                .extracting(entry -> entry.get("status").asInt()).containsExactly(403);
    }

    @Test
    void looking_a_history_up_by_its_digest_is_in_the_access_log_naming_the_member() throws Exception {
        Http.Response issued = file(auditor);
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(issued.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(http.send("GET", "/reports/" + hex, TestTokens.dataProtection(), null,
                Map.of("Purpose", "a copy sent to the inspection")).status()).isEqualTo(200);

        JsonNode lookup = await().atMost(PATIENCE).until(() -> {
            Http.Response page = http.get("/access-log?subject=" + member + "&size=1000",
                    TestTokens.dataProtection());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode entry : page.json().get("items")) {
                if (entry.get("path").asString().equals("/reports/" + hex)) {
                    return entry;
                }
            }
            return null;
        }, java.util.Objects::nonNull);

        assertThat(lookup.get("outcome").asString()).isEqualTo("SERVED");
        assertThat(lookup.get("purpose").asString()).isEqualTo("a copy sent to the inspection");
        assertThat(lookup.get("persons")).extracting(JsonNode::asString).containsExactly(member);
    }

    /** The file read back: its {@code field,value} lines, then its table of events. */
    record Printout(Map<String, String> fields, String header, List<String[]> rows) {

        static Printout of(String body) {
            List<String> lines = List.of(body.substring(1).split("\r\n", -1));
            Map<String, String> fields = new LinkedHashMap<>();
            int line = 0;
            for (; !lines.get(line).isEmpty(); line++) {
                String[] field = lines.get(line).split(",", 2);
                fields.put(field[0], field[1]);
            }
            String header = lines.get(line + 1);
            List<String[]> rows = new ArrayList<>();
            lines.subList(line + 2, lines.size()).stream().filter(row -> !row.isEmpty())
                    .forEach(row -> rows.add(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
            return new Printout(fields, header, rows);
        }

        List<String> column(String name) {
            int index = List.of(header.split(",")).indexOf(name);
            assertThat(index).as(name).isNotNegative();
            return rows.stream().map(row -> row[index]).toList();
        }
    }
}
