package chibo.reporting;

import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.Guest;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.testsupport.EventPublisher;
import chibo.testsupport.Http;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The query API over a small province: summaries as of a date, series, comparisons, CSV, live updates. */
class FiguresApiTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private String province;
    private String commune1;
    private String commune2;
    private String cell1;
    private String cell2;
    private String reader;

    @BeforeEach
    void province() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "P-" + suffix;
        commune1 = "X1-" + suffix;
        commune2 = "X2-" + suffix;
        cell1 = "C1-" + suffix;
        cell2 = "C2-" + suffix;
        LocalDate founded = LocalDate.of(2015, 1, 1);
        publisher.publish(province, founded, province, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE, null));
        publisher.publish(commune1, founded, province, new OrganizationRegistered("Đảng bộ xã Một", OrgLevel.COMMUNE,
                province));
        publisher.publish(commune2, founded, province, new OrganizationRegistered("Đảng bộ xã Hai, thôn \"Ba\"",
                OrgLevel.COMMUNE, province));
        publisher.publish(cell1, founded, commune1, new OrganizationRegistered("Chi bộ 1", OrgLevel.CELL, commune1));
        publisher.publish(cell2, founded, commune2, new OrganizationRegistered("Chi bộ 2", OrgLevel.CELL, commune2));
        admit("a-" + suffix, cell1, "2020-03-10", Sex.FEMALE, "Tày", 1990);
        admit("b-" + suffix, cell1, "2020-04-10", Sex.MALE, "Kinh", 1960);
        admit("c-" + suffix, cell2, "2021-06-01", Sex.FEMALE, "Kinh", 1985);
        publisher.publish("b-" + suffix, LocalDate.parse("2022-05-20"), commune1, new MemberExpelled("vi phạm"));
        reader = TestTokens.reader(province);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode counters = http.get("/organizations/" + province + "/counts", reader).json().get("counters");
            assertThat(counters.get("flow.admitted").asLong()).isEqualTo(3);
            assertThat(counters.get("flow.expelled").asLong()).isEqualTo(1);
            // the months are written by their own sink, which may follow the totals' a moment later
            assertThat(http.get("/organizations/" + province + "/series?metric=flow.admitted&from=2020-01&to=2021-12",
                    reader).json().get("total").asLong()).isEqualTo(3);
            JsonNode children = http.get("/organizations/" + province + "/children?from=2020-01&to=2022-12", reader)
                    .json().get("children");
            assertThat(children.get(0).get("flows").get("admitted").asLong()).isEqualTo(2);
            assertThat(children.get(1).get("flows").get("admitted").asLong()).isEqualTo(1);
        });
    }

    private void admit(String memberId, String cell, String date, Sex sex, String ethnicity, int born) {
        publisher.publish(memberId, LocalDate.parse(date), cell, new MemberAdmitted(new Person("Đảng viên",
                LocalDate.of(born, 1, 15), sex, ethnicity, Education.UNIVERSITY, null), cell, null,
                new Vote(8, 0, 0, 8), List.of(), true, null));
    }

    private Http.Response summary(String orgId, String asOf) {
        return http.get("/organizations/" + orgId + "/summary" + (asOf == null ? "" : "?asOf=" + asOf), reader);
    }

    @Test
    void the_summary_gives_the_make_up_of_the_subtree_now() {
        JsonNode summary = summary(province, null).json();

        assertThat(summary.get("stockAt").asString()).isEqualTo("now");
        assertThat(summary.get("members").get("probationary").asLong()).isEqualTo(2);
        assertThat(summary.get("members").get("women").asLong()).isEqualTo(2);
        assertThat(summary.get("members").get("ethnicMinority").asLong()).isEqualTo(1);
        assertThat(summary.get("bySex").get("female").asLong()).isEqualTo(2);
        assertThat(summary.get("byEthnicity").get("tày").asLong()).isEqualTo(1);
        assertThat(summary.get("byEducation").get("university").asLong()).isEqualTo(2);
        assertThat(summary.get("cells").asLong()).isEqualTo(2);
    }

    @Test
    void the_stock_at_the_end_of_a_past_month_is_summed_from_the_monthly_flows() {
        assertThat(summary(province, "2020-03-31").json().get("members").get("total").asLong()).isEqualTo(1);
        assertThat(summary(province, "2021-12-31").json().get("members").get("total").asLong()).isEqualTo(3);
        JsonNode ninety = summary(commune1, "2022-12-31").json();
        assertThat(ninety.get("members").get("total").asLong()).isEqualTo(1);
        assertThat(ninety.get("flows").get("expelled").asLong()).isEqualTo(1);
        assertThat(ninety.get("period").get("from").asString()).isEqualTo("2022-01");
        assertThat(summary(province, "2014-12-31").json().get("members").get("total").asLong()).isZero();
    }

    @Test
    void an_as_of_date_that_is_not_a_month_end_or_not_a_date_is_refused_naming_the_field() {
        Http.Response midMonth = summary(province, "2021-12-15");
        assertThat(midMonth.status()).isEqualTo(400);
        assertThat(midMonth.body()).contains("asOf").contains("2021-12-31");
        Http.Response garbage = summary(province, "yesterday");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    @Test
    void a_series_gives_a_flow_per_month_and_a_stock_at_each_month_end() {
        JsonNode admitted = http.get("/organizations/" + province + "/series?metric=flow.admitted&from=2020-01"
                + "&to=2021-12", reader).json();
        assertThat(admitted.get("kind").asString()).isEqualTo("flow");
        assertThat(admitted.get("total").asLong()).isEqualTo(3);
        assertThat(admitted.get("points")).hasSize(24);
        assertThat(admitted.get("points").get(2).get("month").asString()).isEqualTo("2020-03");
        assertThat(admitted.get("points").get(2).get("value").asLong()).isEqualTo(1);

        JsonNode members = http.get("/organizations/" + province + "/series?metric=members&from=2022-04&to=2022-05",
                reader).json();
        assertThat(members.get("kind").asString()).isEqualTo("stock");
        assertThat(members.get("points").get(0).get("value").asLong()).isEqualTo(3);
        assertThat(members.get("points").get(1).get("value").asLong()).isEqualTo(2);
    }

    @Test
    void a_series_with_an_unknown_metric_or_a_period_backwards_is_refused_naming_the_field() {
        Http.Response unknown = http.get("/organizations/" + province + "/series?metric=drop%20table&from=2020-01"
                + "&to=2020-02", reader);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("metric");
        Http.Response backwards = http.get("/organizations/" + province + "/series?metric=members&from=2021-01"
                + "&to=2020-01", reader);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        Http.Response missing = http.get("/organizations/" + province + "/series?metric=members&to=2020-01", reader);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    @Test
    void a_past_month_and_the_children_read_again_after_a_backdated_admission_show_it() {
        assertThat(summary(province, "2020-12-31").json().get("members").get("total").asLong()).isEqualTo(2);
        String children = "/organizations/" + province + "/children?from=2020-01&to=2020-12";
        assertThat(http.get(children, reader).json().get("children").get(1).get("flows").path("admitted")
                .asLong()).isZero();

        admit("late-" + UUID.randomUUID().toString().substring(0, 8), cell2, "2020-08-03", Sex.MALE, "Kinh", 1999);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(summary(province, "2020-12-31").json().get("members").get("total").asLong()).isEqualTo(3);
            assertThat(http.get(children, reader).json().get("children").get(1).get("flows").path("admitted")
                    .asLong()).isEqualTo(1);
        });
    }

    @Test
    void children_are_compared_side_by_side() {
        JsonNode comparison = http.get("/organizations/" + province + "/children?from=2020-01&to=2022-12", reader)
                .json();

        assertThat(comparison.get("children")).hasSize(2);
        JsonNode first = comparison.get("children").get(0);
        assertThat(first.get("orgId").asString()).isEqualTo(commune1);
        assertThat(first.get("members").get("total").asLong()).isEqualTo(1);
        assertThat(first.get("flows").get("admitted").asLong()).isEqualTo(2);
        assertThat(comparison.get("total").get("flows").get("admitted").asLong()).isEqualTo(3);
    }

    @Test
    void the_statistics_report_is_csv_with_a_row_per_child_and_the_total() {
        Http.Response csv = http.get("/organizations/" + province + "/statistics.csv?from=2020-01&to=2022-12",
                reader);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
        List<String> total = List.of(lines.get(3).split(","));
        assertThat(total.get(header.indexOf("dang_vien_dau_ky"))).isEqualTo("0");
        assertThat(total.get(header.indexOf("ket_nap_moi"))).isEqualTo("3");
        assertThat(total.get(header.indexOf("khai_tru"))).isEqualTo("1");
        assertThat(total.get(header.indexOf("dang_vien_cuoi_ky"))).isEqualTo("2");
        assertThat(lines.get(2)).contains("\"Đảng bộ xã Hai, thôn \"\"Ba\"\"\"");
    }

    @Test
    void children_and_statistics_of_a_past_period_list_the_tree_as_it_stood_then() {
        // until 30/06/2025 TINH ── HUYEN ─┬─ XA1 ── C1     from 01/07/2025 TINH ─┬─ XA1 ── C1
        //                                 └─ XA2 ── C2                          └─ XA2 ── C2   (HUYEN dissolved)
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tinh = "T-" + suffix;
        String huyen = "H-" + suffix;
        String xa1 = "HX1-" + suffix;
        String xa2 = "HX2-" + suffix;
        LocalDate founded = LocalDate.of(2015, 1, 1);
        LocalDate reform = LocalDate.of(2025, 7, 1);
        publisher.publish(tinh, founded, tinh, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE, null));
        publisher.publish(huyen, founded, tinh, new OrganizationRegistered("Huyện ủy", OrgLevel.DISTRICT, tinh));
        publisher.publish(xa1, founded, huyen, new OrganizationRegistered("Xã Một", OrgLevel.COMMUNE, huyen));
        publisher.publish(xa2, founded, huyen, new OrganizationRegistered("Xã Hai", OrgLevel.COMMUNE, huyen));
        publisher.publish("HC1-" + suffix, founded, xa1, new OrganizationRegistered("Chi bộ 1", OrgLevel.CELL, xa1));
        publisher.publish("HC2-" + suffix, founded, xa2, new OrganizationRegistered("Chi bộ 2", OrgLevel.CELL, xa2));
        admit("ha-" + suffix, "HC1-" + suffix, "2020-03-10", Sex.FEMALE, "Kinh", 1990);
        admit("hb-" + suffix, "HC2-" + suffix, "2021-06-01", Sex.MALE, "Kinh", 1980);
        publisher.publish(xa1, reform, tinh, new OrganizationMoved(tinh, huyen));
        publisher.publish(xa2, reform, tinh, new OrganizationMoved(tinh, huyen));
        publisher.publish(huyen, reform, tinh, new OrganizationDissolved("sắp xếp đơn vị hành chính", null));
        admit("hc-" + suffix, "HC1-" + suffix, "2025-08-10", Sex.FEMALE, "Kinh", 2000);
        String tinhReader = TestTokens.reader(tinh);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(http.get("/organizations/" + tinh + "/counts", tinhReader).json().get("counters")
                    .get("flow.admitted").asLong()).isEqualTo(3);
            JsonNode district = http.get("/organizations/" + huyen + "/counts", tinhReader).json();
            assertThat(district.get("active").asBoolean()).isFalse();
            assertThat(district.get("members").get("total").asLong()).isZero();
        });

        JsonNode then = http.get("/organizations/" + tinh + "/children?asOf=2023-12-31&from=2020-01&to=2023-12",
                tinhReader).json();
        assertThat(then.get("children").valueStream().map(row -> row.get("orgId").asString()).toList())
                .as("the district, not today's communes").containsExactly(huyen);
        assertThat(then.get("children").get(0).get("members").get("total").asLong()).isEqualTo(2);
        assertThat(then.get("children").get(0).get("flows").get("admitted").asLong()).isEqualTo(2);
        assertThat(then.get("total").get("members").get("total").asLong()).isEqualTo(2);
        JsonNode district = http.get("/organizations/" + huyen + "/children?asOf=2023-12-31&from=2020-01&to=2023-12",
                tinhReader).json();
        assertThat(district.get("children").valueStream().map(row -> row.get("orgId").asString() + "="
                + row.get("members").get("total").asLong()).toList()).containsExactly(xa1 + "=1", xa2 + "=1");

        JsonNode after = http.get("/organizations/" + tinh + "/children?asOf=2025-12-31&from=2025-07&to=2025-12",
                tinhReader).json();
        assertThat(after.get("children").valueStream().map(row -> row.get("orgId").asString() + "="
                + row.get("members").get("total").asLong() + "/" + row.get("flows").path("admitted").asLong(0))
                .toList()).as("the district dissolved in the first month, with nothing left")
                .containsExactlyInAnyOrder(huyen + "=0/0", xa1 + "=2/1", xa2 + "=1/0");
        assertThat(after.get("total").get("members").get("total").asLong()).isEqualTo(3);
        assertThat(after.get("total").get("flows").get("admitted").asLong()).isEqualTo(1);

        List<String> lines = http.get("/organizations/" + tinh + "/statistics.csv?from=2025-07&to=2025-12",
                tinhReader).body().lines().toList();
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
        List<String> rows = lines.subList(1, lines.size()).stream().map(line -> {
            List<String> cells = List.of(line.split(","));
            return cells.get(0) + " " + cells.get(header.indexOf("dang_vien_dau_ky")) + "+"
                    + cells.get(header.indexOf("ket_nap_moi")) + "=" + cells.get(header.indexOf("dang_vien_cuoi_ky"));
        }).toList();
        assertThat(rows).as("start at the end of June under the district, end under the communes")
                .containsExactlyInAnyOrder(huyen + " 2+0=0", xa1 + " 0+1=2", xa2 + " 0+0=1", tinh + " 2+1=3");
    }

    private Http.Response search(String query, String within, String token) {
        return http.get("/organizations/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (within == null ? "" : "&within=" + within), token);
    }

    @Test
    void organisations_are_found_by_name_with_or_without_diacritics_inside_the_readers_subtree_only() {
        String other = "Q-" + province;
        String otherCommune = "QX-" + province;
        LocalDate founded = LocalDate.of(2015, 1, 1);
        publisher.publish(other, founded, other, new OrganizationRegistered("Tỉnh ủy khác", OrgLevel.PROVINCE, null));
        publisher.publish(otherCommune, founded, other, new OrganizationRegistered("Đảng bộ xã Một", OrgLevel.COMMUNE,
                other));
        String otherReader = TestTokens.reader(other);
        // a 404 until reporting has counted the other province
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(search("xa mot", null,
                otherReader).json().get("results").valueStream().map(r -> r.get("orgId").asString()).toList())
                .containsExactly(otherCommune));

        JsonNode found = search("đảng bộ xã một", null, reader).json();
        assertThat(found.get("within").asString()).isEqualTo(province);
        assertThat(found.get("results").valueStream().map(r -> r.get("orgId").asString()).toList()).containsExactly(commune1);
        JsonNode hit = found.get("results").get(0);
        assertThat(hit.get("name").asString()).isEqualTo("Đảng bộ xã Một");
        assertThat(hit.get("level").asString()).isEqualTo("COMMUNE");
        assertThat(hit.get("path").valueStream().map(r -> r.get("orgId").asString()).toList()).containsExactly(province);
        assertThat(search("THON BA", null, reader).json().get("results").valueStream().map(r -> r.get("orgId").asString()).toList())
                .containsExactly(commune2);
        assertThat(search("chi bo", commune1, reader).json().get("results").valueStream().map(r -> r.get("orgId").asString()).toList())
                .containsExactly(cell1);
        assertThat(search("chi bo", province, reader).json().get("total").asInt()).isEqualTo(2);

        assertThat(search("xa mot", province, otherReader).status()).isEqualTo(403);
        assertThat(search("xa mot", "nowhere-" + province, reader).status()).isEqualTo(404);
        assertThat(search("xa mot", null, TestTokens.auditor()).json().get("results").valueStream().map(r -> r.get("orgId").asString()).toList())
                .contains(commune1, otherCommune);
    }

    @Test
    void a_search_too_short_or_with_an_invisible_character_is_refused_naming_q() {
        Http.Response tooShort = search("x", null, reader);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(tooShort.json().get("errors").get(0).get("rule").asString()).isEqualTo("min-length");
        Http.Response invisible = search("x\u200By", null, reader);
        assertThat(invisible.status()).isEqualTo(400);
        assertThat(invisible.json().get("errors").get(0).get("rule").asString()).isEqualTo("no-invisible-characters");
        assertThat(http.get("/organizations/search", reader).status()).isEqualTo(400);
    }

    @Test
    void a_statistics_report_carries_its_digest_and_chibo_says_whether_it_issued_a_copy() throws Exception {
        Http.Response csv = http.get("/organizations/" + province + "/statistics.csv?from=2020-01&to=2022-12",
                reader);
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(bytes);
        String hex = HexFormat.of().formatHex(sha256);

        assertThat(csv.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
        JsonNode issued = http.get("/reports/" + hex, TestTokens.auditor()).json();
        assertThat(issued.get("orgId").asString()).isEqualTo(province);
        assertThat(issued.get("period").asString()).isEqualTo("2020-01/2022-12");
        assertThat(issued.get("kind").asString()).isEqualTo("statistics");
        assertThat(issued.get("times").asLong()).isPositive();
        assertThat(http.get("/reports/" + hex.toUpperCase(Locale.ROOT), reader).status()).isEqualTo(200);

        byte[] altered = csv.body().replaceFirst(",3,", ",4,").getBytes(StandardCharsets.UTF_8);
        assertThat(altered).isNotEqualTo(bytes);
        String alteredHex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(altered));
        assertThat(http.get("/reports/" + alteredHex, TestTokens.auditor()).status()).as("a copy changed").isEqualTo(404);
        assertThat(http.get("/reports/" + hex, TestTokens.reader(commune1)).status())
                .as("another subtree's report is not told of").isEqualTo(404);
        Http.Response malformed = http.get("/reports/not-a-digest", reader);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("sha256");
        assertThat(http.get("/reports/" + hex, null).status()).isEqualTo(401);
    }

    @Test
    void readers_see_only_their_subtree_and_need_a_token() {
        assertThat(http.get("/organizations/" + province + "/summary", TestTokens.reader(commune1)).status())
                .isEqualTo(403);
        assertThat(http.get("/organizations/" + commune1 + "/summary", TestTokens.reader(commune1)).status())
                .isEqualTo(200);
        assertThat(http.get("/organizations/" + province + "/statistics.csv?from=2020-01&to=2020-02", null)
                .status()).isEqualTo(401);
        assertThat(http.get("/organizations/nowhere/series?metric=members&from=2020-01&to=2020-02", reader)
                .status()).isEqualTo(404);
    }

    @Test
    void live_figures_arrive_over_server_sent_events_when_they_change() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/organizations/" + cell2 + "/live"))
                .header("Authorization", "Bearer " + reader).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reading = Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        try {
            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(line -> line.startsWith("data:")
                    && line.contains("\"total\":1")));
            admit("d-" + UUID.randomUUID(), cell2, "2025-01-10", Sex.MALE, "Kinh", 1999);
            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(line -> line.startsWith("data:")
                    && line.contains("\"total\":2")));
            assertThat(lines).anyMatch(line -> line.equals("event:figures"));
        } finally {
            reading.interrupt();
            stream.body().close();
        }
    }

    private HttpResponse<Stream<String>> openLive(HttpClient client, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/organizations/" + cell2 + "/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    @Test
    void a_client_holds_only_so_many_live_streams_at_once() throws Exception {
        String greedy = TestTokens.token("greedy-" + UUID.randomUUID(), List.of("dashboard-reader"), province);
        HttpClient client = HttpClient.newHttpClient();
        List<HttpResponse<Stream<String>>> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                open.add(openLive(client, greedy));
            }
            HttpResponse<Stream<String>> oneTooMany = openLive(client, greedy);
            open.add(oneTooMany);
            HttpResponse<Stream<String>> anotherClient = openLive(client, reader);
            open.add(anotherClient);

            assertThat(open.subList(0, 8)).allSatisfy(stream -> assertThat(stream.statusCode()).isEqualTo(200));
            assertThat(oneTooMany.statusCode()).isEqualTo(429);
            assertThat(oneTooMany.body().toList()).anyMatch(line ->
                    line.contains("urn:chibo:problem:too-many-streams"));
            assertThat(anotherClient.statusCode()).as("another client is not held back").isEqualTo(200);
        } finally {
            open.forEach(stream -> stream.body().close());
        }
    }

    @Test
    void a_live_stream_ends_when_the_token_it_was_opened_with_expires() throws Exception {
        String shortLived = TestTokens.token("brief-" + UUID.randomUUID(), List.of("dashboard-reader"), province,
                java.time.Instant.now().plusSeconds(3));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = openLive(HttpClient.newHttpClient(), shortLived);
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reading = Thread.ofVirtual().start(() -> {
            stream.body().forEach(lines::add);
            lines.add("<end of stream>");
        });
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("<end of stream>"));
            assertThat(lines).contains("event:token-expired");
            assertThat(List.copyOf(lines).indexOf("event:token-expired"))
                    .isGreaterThan(List.copyOf(lines).indexOf("event:figures"));
        } finally {
            reading.interrupt();
            stream.body().close();
        }
    }

    @Test
    void meetings_of_the_year_are_summarised_with_attendance_and_visits() {
        EventPublisher meetings = new EventPublisher(TestBroker.bootstrapServers(), "/chibo/meeting-service");
        try (meetings) {
            LocalDate day = LocalDate.parse("2025-09-05");
            meetings.publish(cell1, day, cell1, new MeetingHeld("m-1", MeetingKind.REGULAR, "Sinh hoạt",
                    day.atTime(19, 0), day.atTime(21, 0), "Nhà văn hóa", "a", "a",
                    List.of(new Attendance("a", AttendanceStatus.PRESENT, null),
                            new Attendance("x", AttendanceStatus.EXCUSED, "ốm")),
                    List.of(new Guest("Bí thư xã", commune1, OrgLevel.COMMUNE)), new Preparation(true, true, true),
                    true, List.of()));
            meetings.publish(cell1, day, cell1, new MeetingGraded("m-1", true, MeetingGrade.GOOD, 95, List.of(),
                    null));
        }
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode held = summary(province, "2025-09-30").json().get("meetings");
            assertThat(held.get("held").asLong()).isEqualTo(1);
            assertThat(held.get("regularRequired").asLong()).isEqualTo(18);
            assertThat(held.get("attendancePercent").asDouble()).isEqualTo(50.0);
            assertThat(held.get("higherLevelVisits").asLong()).isEqualTo(1);
            assertThat(held.get("grades").get("good").asLong()).isEqualTo(1);
        });
    }
}
