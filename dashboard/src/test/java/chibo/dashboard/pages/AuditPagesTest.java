package chibo.dashboard.pages;

import chibo.dashboard.figures.AsReported;
import chibo.dashboard.figures.ChainVerification;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.FiguresUnavailable;
import chibo.dashboard.figures.History;
import chibo.dashboard.figures.IssuedFile;
import chibo.dashboard.figures.MeetingFigures;
import chibo.dashboard.figures.OrgHeadline;
import chibo.dashboard.figures.Summary;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The auditor's history pages as they render reporting-service's archive (canned here): the timeline, the verdict on
 * the hash chain, and every way a look can go wrong.
 */
class AuditPagesTest extends PageTest {

    private static final String HASH_1 = "a1b2c3d4e5f6" + "0".repeat(52);
    private static final String HASH_2 = "ffeeddccbbaa" + "1".repeat(52);

    private static History.Entry event(long seq, String type, LocalDate effective, String actingOrg,
                                       String decision, String hash, boolean intact) {
        return new History.Entry("e" + seq, "membership", type, "TQ-MQ-NT-001", seq, effective,
                Instant.parse("2026-11-02T03:04:00Z"), actingOrg, decision, null, hash, intact, null);
    }

    private static History twoEvents() {
        return new History(List.of(
                event(1, "member.admitted.v1", LocalDate.of(2025, 3, 14), "TQ-MQ", "15-QĐ/ĐU", HASH_1, true),
                event(2, "member.sworn_in.v1", LocalDate.of(2025, 4, 2), "TQ-MQ-NT", null, HASH_2, true)),
                100, null);
    }

    private static ChainVerification holds() {
        return new ChainVerification("TQ-MQ-NT-001", true, List.of(new ChainVerification.Chain("membership", 2, 2, 2,
                true, 0, null, Instant.parse("2026-11-02T03:04:00Z"))));
    }

    private String page(String path, int status) throws Exception {
        return render(path, auditor(), status);
    }

    @Test
    void an_auditor_reads_a_members_events_as_a_timeline_under_the_verdict_that_the_chain_holds() throws Exception {
        when(audit.verification(anyString(), eq("TQ-MQ-NT-001"), isNull())).thenReturn(holds());
        when(audit.memberHistory(anyString(), eq("TQ-MQ-NT-001"), isNull(), isNull())).thenReturn(twoEvents());

        String html = page("/audit/members/TQ-MQ-NT-001", 200).replaceAll("\\s+", " ");

        assertThat(html).contains("Lịch sử đảng viên TQ-MQ-NT-001").contains("Chuỗi băm nguyên vẹn.")
                .contains("nguyên vẹn: 2 sự kiện, đã kiểm đến số thứ tự 2").contains("data-intact=\"true\"");
        assertThat(html).as("each event: date, type, deciding organisation, seq, hash")
                .contains("14/03/2025").contains("Kết nạp").contains("15-QĐ/ĐU").contains(">TQ-MQ<")
                .contains("02/04/2025").contains("Tổ chức lễ kết nạp").contains(">TQ-MQ-NT<")
                .contains("data-seq=\"1\"").contains("data-seq=\"2\"").contains("title=\"" + HASH_1 + "\"")
                .contains("a1b2c3d4e5f6...").doesNotContain("id=\"history-next\"");
        assertThat(html.indexOf("14/03/2025")).as("in the order recorded").isLessThan(html.indexOf("02/04/2025"));
    }

    @Test
    void the_members_history_file_is_reportings_byte_for_byte_with_its_digest_and_the_page_leads_to_it()
            throws Exception {
        byte[] issued = ("\uFEFFtruong,gia_tri\r\nma_dang_vien,TQ-MQ-NT-001\r\n").getBytes(StandardCharsets.UTF_8);
        when(audit.verification(anyString(), eq("TQ-MQ-NT-001"), isNull())).thenReturn(holds());
        when(audit.memberHistory(anyString(), eq("TQ-MQ-NT-001"), isNull(), isNull())).thenReturn(twoEvents());
        when(audit.memberHistoryFile(anyString(), eq("TQ-MQ-NT-001"), eq("Thanh tra"))).thenReturn(new IssuedFile(
                issued, "sha-256=:q1w2e3=:", "lich-su-dang-vien-TQ-MQ-NT-001.csv"));

        String html = oneLine(page("/audit/members/TQ-MQ-NT-001", 200));
        var file = mvc.perform(get("/audit/members/TQ-MQ-NT-001/history.csv").param("purpose", "Thanh tra")
                .with(auditor()))
                .andReturn().getResponse();

        assertThat(html).contains("id=\"history-file\"")
                .contains("href=\"/audit/members/TQ-MQ-NT-001/history.csv\"")
                .contains("Tải bản lịch sử để in (CSV)");
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentAsByteArray()).as("the bytes whose digest reporting registered").isEqualTo(issued);
        assertThat(file.getHeader("Repr-Digest")).isEqualTo("sha-256=:q1w2e3=:");
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment")
                .contains("lich-su-dang-vien-TQ-MQ-NT-001.csv");
        assertThat(file.getContentType()).startsWith("text/csv");
    }

    @Test
    void a_history_file_reporting_refuses_is_the_refusal_page() throws Exception {
        when(audit.memberHistoryFile(anyString(), eq("TQ-MQ-NT-001"), isNull()))
                .thenThrow(new FiguresRefused(403, "TQ-MQ-NT-001", "{\"type\":\"urn:chibo:problem:forbidden\"}"));

        var refused = mvc.perform(get("/audit/members/TQ-MQ-NT-001/history.csv").with(provinceReader()))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Không có quyền xem")
                .doesNotContain("ma_dang_vien");
    }

    @Test
    void a_broken_chain_says_at_which_seq_and_why_and_marks_the_event_whose_content_changed() throws Exception {
        ChainVerification broken = new ChainVerification("TQ-MQ-NT-001", false, List.of(
                new ChainVerification.Chain("membership", 2, 2, 1, false, 1, new ChainVerification.BrokenLink(2,
                        "hash-mismatch", "content changed", HASH_2, "0badc0de"), null)));
        History tampered = new History(List.of(twoEvents().items().getFirst(), event(2, "member.sworn_in.v1",
                LocalDate.of(2025, 4, 2), "TQ-MQ-NT", null, HASH_2, false)), 100, null);
        when(audit.verification(anyString(), eq("TQ-MQ-NT-001"), isNull())).thenReturn(broken);
        when(audit.memberHistory(anyString(), eq("TQ-MQ-NT-001"), isNull(), isNull())).thenReturn(tampered);

        String vietnamese = page("/audit/members/TQ-MQ-NT-001", 200).replaceAll("\\s+", " ");
        String english = page("/audit/members/TQ-MQ-NT-001?lang=en", 200).replaceAll("\\s+", " ");

        assertThat(vietnamese).contains("Chuỗi băm bị đứt tại số thứ tự 2.")
                .contains("nội dung đã bị thay đổi sau khi niêm phong").contains("Thấy: 0badc0de")
                .contains("data-intact=\"false\"").contains("class=\"tampered\"")
                .contains("Nội dung sự kiện không khớp mã băm của nó khi được đọc.");
        assertThat(english).contains("The hash chain is broken at seq 2.")
                .contains("broken at seq 2 (the content changed after it was sealed); 1 broken links; holds through"
                        + " seq 1").contains("Admission ceremony held");
    }

    @Test
    void the_purpose_given_in_the_search_box_goes_with_every_read_and_every_later_page() throws Exception {
        var found = mvc.perform(get("/audit/find").param("memberId", "  TQ-MQ-NT-001 ")
                .param("purpose", "Kiểm tra hồ sơ kết nạp").with(auditor())).andReturn().getResponse();
        assertThat(found.getRedirectedUrl()).isEqualTo("/audit/members/TQ-MQ-NT-001?purpose=Ki%E1%BB%83m%20tra"
                + "%20h%E1%BB%93%20s%C6%A1%20k%E1%BA%BFt%20n%E1%BA%A1p");
        when(audit.verification(anyString(), eq("TQ-MQ-NT-001"), eq("Kiểm tra hồ sơ kết nạp"))).thenReturn(holds());
        when(audit.memberHistory(anyString(), eq("TQ-MQ-NT-001"), isNull(), eq("Kiểm tra hồ sơ kết nạp")))
                .thenReturn(new History(twoEvents().items(), 100, "cursor-2"));

        var response = mvc.perform(get(URI.create(found.getRedirectedUrl())).with(auditor())).andReturn()
                .getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);

        verify(audit).memberHistory(anyString(), eq("TQ-MQ-NT-001"), isNull(), eq("Kiểm tra hồ sơ kết nạp"));
        assertThat(html).contains("id=\"history-next\"").contains("cursor=cursor-2")
                .contains("purpose=Ki%E1%BB%83m%20tra");
    }

    private String search(String memberId) throws Exception {
        var response = mvc.perform(get("/audit/find").param("memberId", memberId).with(auditor())).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void an_id_that_cannot_be_one_is_sent_back_to_the_search_box_escaped_and_nothing_is_asked_of_reporting()
            throws Exception {
        String bad = search("<script>alert(1)</script>");
        String empty = search(" ");

        assertThat(bad).contains("id=\"bad-id\"").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(empty).contains("Hãy nhập mã đảng viên hoặc mã tổ chức.");
        verifyNoInteractions(audit);
    }

    @Test
    void a_reader_refused_by_reporting_gets_the_refusal_page_and_an_unknown_member_is_said_to_be_unknown()
            throws Exception {
        when(audit.verification(anyString(), eq("TQ-MQ-NT-001"), any()))
                .thenThrow(new FiguresRefused(403, "TQ-MQ-NT-001", "{\"type\":\"urn:chibo:problem:forbidden\"}"));
        when(audit.verification(anyString(), eq("NO-SUCH-1"), any()))
                .thenThrow(new FiguresRefused(404, "NO-SUCH-1", "{\"type\":\"urn:chibo:problem:not-found\"}"));
        RequestPostProcessor reader = provinceReader();

        var refused = mvc.perform(get("/audit/members/TQ-MQ-NT-001").with(reader)).andReturn().getResponse();
        String unknown = page("/audit/members/NO-SUCH-1", 404);

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Không có quyền xem")
                .contains("chỉ cán bộ kiểm tra được xem").doesNotContain("id=\"timeline\"")
                .doesNotContain("id=\"audit\"");
        assertThat(unknown).contains("Không có đảng viên NO-SUCH-1 trong kho lưu trữ sự kiện.");
    }

    @Test
    void a_silent_reporting_service_is_a_page_saying_so() throws Exception {
        when(audit.verification(anyString(), eq("TQ-MQ-NT-001"), any()))
                .thenThrow(new FiguresUnavailable("reporting-service did not answer", null));

        assertThat(page("/audit/members/TQ-MQ-NT-001", 503)).contains("Chưa đọc được số liệu")
                .doesNotContain("Exception");
    }

    @Test
    void an_organisations_history_names_each_events_subject_and_leads_to_a_members_history() throws Exception {
        History mixed = new History(List.of(
                new History.Entry("o1", "organization", "organization.registered.v1", "TQ-MQ-NT", 1,
                        LocalDate.of(2024, 1, 5), Instant.parse("2024-01-05T01:00:00Z"), "TQ-MQ",
                        "3-QĐ/ĐU <b>", HASH_1, HASH_1, true, null),
                event(1, "member.admitted.v1", LocalDate.of(2025, 3, 14), "TQ-MQ", null, HASH_2, true)), 100, null);
        when(audit.verification(anyString(), eq("TQ-MQ-NT"), isNull())).thenReturn(new ChainVerification(
                "TQ-MQ-NT", true, List.of(new ChainVerification.Chain("organization", 1, 1, 1, true, 0, null, null),
                new ChainVerification.Chain("meeting", 0, 0, 0, true, 0, null, null))));
        when(audit.organisationHistory(anyString(), eq("TQ-MQ-NT"), isNull(), isNull())).thenReturn(mixed);

        String html = page("/audit/organisations/TQ-MQ-NT", 200).replaceAll("\\s+", " ");

        assertThat(html).contains("Lịch sử tổ chức TQ-MQ-NT").contains("Sự kiện của tổ chức")
                .contains("Sinh hoạt chi bộ").contains("Thành lập tổ chức")
                .contains("href=\"/audit/members/TQ-MQ-NT-001?purpose=\"").contains("3-QĐ/ĐU &lt;b&gt;");
    }

    @Test
    void auditors_find_the_histories_in_the_header_and_readers_do_not() throws Exception {
        String auditors = page("/audit", 200);
        String readers = render("/audit", provinceReader(), 200);

        assertThat(auditors).contains("id=\"audit\"").contains("id=\"member-id\"").contains("id=\"purpose\"");
        assertThat(readers).doesNotContain("id=\"audit\"");
    }

    private static final Instant END_OF_JUNE_30_IN_HANOI = Instant.parse("2025-06-30T16:59:59Z");

    /** Reporting's answer for Minh Quang's report made on 30 June 2025, with these whole summaries either side. */
    private void reported(Summary asReported, Summary now) {
        when(reporting.headline(anyString(), eq("TQ-MQ"))).thenReturn(new OrgHeadline("TQ-MQ",
                "Đảng bộ xã Minh Quang", "COMMUNE", "TQ"));
        when(audit.asReported(anyString(), eq("TQ-MQ"), eq(END_OF_JUNE_30_IN_HANOI), eq(LocalDate.of(2025, 6, 30))))
                .thenReturn(new AsReported("TQ-MQ", END_OF_JUNE_30_IN_HANOI, LocalDate.of(2025, 6, 30),
                        new AsReported.Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)),
                        new AsReported.Figure(new AsReported.Members(1250, 40, 1210), Map.of("admitted", 12L)),
                        new AsReported.Figure(new AsReported.Members(1251, 41, 1210),
                                Map.of("admitted", 13L, "deceased", 1L)),
                        Map.of("members.total", 1L, "members.probationary", 1L, "flows.admitted", 1L,
                                "flows.deceased", 1L),
                        List.of(new AsReported.LateEvent("e9", "TQ-MQ-NT-007:1", "member.admitted.v1",
                                "TQ-MQ-NT-007", 1, LocalDate.of(2025, 6, 12), Instant.parse("2025-07-03T02:00:00Z"),
                                "TQ-MQ", "88-QĐ/ĐU <i>")), 1302, asReported, now));
    }

    /**
     * Minh Quang's whole summary at the end of June 2025: {@code members} active, of them {@code women} women and
     * 40 probationary; {@code admitted} admitted this year; the villages' cells; the meetings held.
     */
    private static Summary minhQuang(long members, long women, long admitted, Long deceased, long villagesWithoutCell,
                                     long meetingsHeld) {
        Map<String, Long> flows = new LinkedHashMap<>();
        flows.put("admitted", admitted);
        if (deceased != null) {
            flows.put("deceased", deceased);
        }
        return new Summary("TQ-MQ", "Đảng bộ xã Minh Quang", "COMMUNE", "TQ", true, null, "2025-06-30",
                new Summary.Members(members, 40, members - 40, 0, women, 700),
                Map.of("male", 750L, "female", women), Map.of("tay", 700L), Map.of("31-40", members),
                Map.of("university", members), 2,
                Map.of("village", new Summary.UnitCoverage(12, villagesWithoutCell, 1)),
                Map.of("village_head", new Summary.PositionCoverage(11, 9, 81.8)),
                new Summary.Period("2025-01", "2025-06"), flows,
                new MeetingFigures.Meetings(meetingsHeld, 22, 8, 24, 91.7, 400, 350, 30, 20, 87.5, 3, 25,
                        Map.of("good", 20L), Map.of("no_regular_meeting", 2L)),
                Map.of("members", Map.of("2024", Map.of("excellent", 40L))));
    }

    /** The row of a figure in the whole summary's tables. */
    private static String row(String html, String figure) {
        Matcher row = Pattern.compile("<tr data-figure=\"" + Pattern.quote(figure) + "\"[^>]*> <th.*?</tr>")
                .matcher(html.substring(html.indexOf("id=\"whole-summary\"")));
        assertThat(row.find()).as("a row for " + figure).isTrue();
        return row.group();
    }

    @Test
    void the_report_as_it_was_on_a_day_counts_what_was_recorded_by_that_days_end_and_names_what_came_later()
            throws Exception {
        reported(minhQuang(1250, 500, 12, null, 3, 30), minhQuang(1251, 501, 13, 1L, 2, 31));

        String html = page("/audit/organisations/TQ-MQ/as-reported?on=2025-06-30", 200).replaceAll("\\s+", " ");

        assertThat(html).contains("Báo cáo như đã lập: Đảng bộ xã Minh Quang")
                .contains("đã tính lại lịch sử của 1.302 đảng viên")
                .contains("data-changed=\"true\"").contains("1 sự kiện ghi nhận muộn");
        assertThat(html).contains("<tr data-figure=\"members.total\" class=\"overdue\"> <th scope=\"row\">Đảng viên</th>"
                + " <td class=\"number\">1.250</td> <td class=\"number\">1.251</td> <td class=\"number\">+1</td>")
                .contains("<tr data-figure=\"members.official\"> <th scope=\"row\">Chính thức</th>")
                .contains("<th scope=\"row\">Từ trần</th> <td class=\"number\">0</td>");
        assertThat(html).contains("href=\"/audit/members/TQ-MQ-NT-007\"").contains("12/06/2025")
                .contains("88-QĐ/ĐU &lt;i&gt;");
    }

    @Test
    void the_whole_summary_as_reported_stands_beside_the_summary_now_with_each_figure_that_differs_marked()
            throws Exception {
        reported(minhQuang(1250, 500, 12, null, 3, 30), minhQuang(1251, 501, 13, 1L, 2, 31));

        String html = oneLine(page("/audit/organisations/TQ-MQ/as-reported?on=2025-06-30", 200));

        assertThat(html).contains("Toàn bộ bảng tổng hợp của tổ chức, số liệu cuối tháng 06/2025")
                .contains("id=\"summary-verdict\" data-differing=\"10\" class=\"warning\"")
                .contains("Có 10 chỉ tiêu của bảng tổng hợp khác so với khi lập báo cáo.");
        assertThat(html).as("every section of the organisation page's summary, then its meetings and ratings")
                .contains("id=\"compared-members\"", "id=\"compared-by-sex\"", "id=\"compared-by-age\"",
                        "id=\"compared-by-education\"", "id=\"compared-by-ethnicity\"", "id=\"compared-flows\"",
                        "id=\"compared-units\"", "id=\"compared-positions\"", "id=\"compared-meetings\"",
                        "id=\"compared-ratings\"")
                .contains("Biến động trong năm: 2 chỉ tiêu khác").contains("<caption>Theo dân tộc</caption>");
        assertThat(row(html, "bySex.female")).as("marked by a sign and in words, not by colour alone")
                .contains("class=\"differs\"").contains("≠").contains("<span class=\"sr-only\">khác:</span>Nữ")
                .contains(">500</td> <td class=\"number\">501</td> <td class=\"number\">+1</td>");
        assertThat(row(html, "flows.deceased")).as("a flow only now has is none as reported")
                .contains("class=\"differs\"").contains("Từ trần").contains(">0</td> <td class=\"number\">1</td>");
        assertThat(row(html, "units.village.withoutCell")).contains("Thôn, bản · Chưa có chi bộ")
                .contains(">3</td> <td class=\"number\">2</td> <td class=\"number\">-1</td>");
        assertThat(row(html, "meetings.held")).contains("class=\"differs\"").contains("Tổng số buổi");
        assertThat(row(html, "bySex.male")).doesNotContain("differs").doesNotContain("≠");
        assertThat(row(html, "positions.village_head.share")).doesNotContain("≠").contains(">81,8 %</td>");
        assertThat(row(html, "ratings.members.2024.excellent"))
                .contains("Đảng viên · 2024 · Hoàn thành xuất sắc nhiệm vụ").doesNotContain("≠");
    }

    @Test
    void the_whole_summary_reads_in_english_on_asking() throws Exception {
        reported(minhQuang(1250, 500, 12, null, 3, 30), minhQuang(1251, 501, 13, 1L, 2, 31));

        String html = oneLine(page("/audit/organisations/TQ-MQ/as-reported?on=2025-06-30&lang=en", 200));

        assertThat(html).contains("The whole summary of the organisation, figures at the end of Jun 2025")
                .contains("10 figures of the summary differ from the report.")
                .contains("Changes in the year: 2 differ").contains("Figures marked ≠ and in bold differ");
        assertThat(row(html, "members.total")).contains(">Total<").contains(">1,250</td>").contains(">1,251</td>");
        assertThat(row(html, "bySex.female")).contains("<span class=\"sr-only\">differs:</span>");
        assertThat(row(html, "units.village.withoutCell")).contains("Villages · Without a cell");
        assertThat(row(html, "ratings.members.2024.excellent")).contains("Members · 2024 · Excellent");
    }

    @Test
    void names_in_the_summaries_are_shown_escaped() throws Exception {
        Summary now = minhQuang(1250, 500, 12, null, 3, 30);
        Summary hostile = new Summary(now.orgId(), now.name(), now.level(), now.parentId(), true, null,
                now.stockAt(), now.members(), now.bySex(), Map.of("<script>alert(1)</script>", 700L),
                now.byAgeBand(), now.byEducation(), now.cells(),
                Map.of("<b>ban</b>", new Summary.UnitCoverage(1, 1, 1)), now.positions(), now.period(), Map.of("\"><i>x</i>", 1L), now.meetings(), now.ratings());
        reported(now, hostile);

        String html = page("/audit/organisations/TQ-MQ/as-reported?on=2025-06-30", 200);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;ban&lt;/b&gt;")
                .contains("&lt;i&gt;x&lt;/i&gt;").doesNotContain("<script>alert(1)").doesNotContain("<b>ban")
                .doesNotContain("<i>x</i>");
    }

    @Test
    void a_moment_before_the_organisation_was_recorded_says_there_was_no_summary_then() throws Exception {
        reported(null, minhQuang(1251, 501, 13, 1L, 2, 31));

        String html = oneLine(page("/audit/organisations/TQ-MQ/as-reported?on=2025-06-30", 200));

        assertThat(html).contains("id=\"no-summary-as-reported\"").contains("Không có bảng tổng hợp khi lập báo cáo:"
                + " đến 23:59 30/06/2025 việc thành lập tổ chức này chưa được ghi nhận.")
                .doesNotContain("id=\"compared-members\"").contains("id=\"as-reported-table\"");
    }

    @Test
    void only_an_auditor_asks_for_a_report_as_it_was_and_a_day_that_is_no_date_is_sent_back_to_the_form()
            throws Exception {
        when(reporting.headline(anyString(), eq("TQ-MQ"))).thenReturn(new OrgHeadline("TQ-MQ",
                "Đảng bộ xã Minh Quang", "COMMUNE", "TQ"));
        RequestPostProcessor reader = provinceReader();

        var refused = mvc.perform(get("/audit/organisations/TQ-MQ/as-reported?on=2025-06-30").with(reader))
                .andReturn().getResponse();
        String form = page("/audit/organisations/TQ-MQ/as-reported", 200);
        String bad = page("/audit/organisations/TQ-MQ/as-reported?on=2025-06-30&asOf=30/06/2025", 400);

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Không có quyền xem");
        assertThat(form).contains("id=\"as-reported-form\"").doesNotContain("id=\"as-reported-table\"");
        assertThat(bad).contains("Ngày của số liệu phải là một ngày hợp lệ.").contains("value=\"30/06/2025\"")
                .doesNotContain("id=\"as-reported-table\"");
        verifyNoInteractions(audit);
    }
}
