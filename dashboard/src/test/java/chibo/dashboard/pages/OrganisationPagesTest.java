package chibo.dashboard.pages;

import chibo.dashboard.figures.Answer;
import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.FiguresUnavailable;
import chibo.dashboard.figures.Freshness;
import chibo.dashboard.figures.OrgHeadline;
import chibo.dashboard.figures.OrgMatches;
import chibo.dashboard.figures.Series;
import chibo.dashboard.figures.Summary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.notNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The pages as a logged-in reader gets them, rendered by the real templates and message bundles; reporting-service
 * is replaced by canned answers here (the browser test reads the real one).
 */
class OrganisationPagesTest extends PageTest {

    private static final Freshness CURRENT = new Freshness("CURRENT", Instant.parse("2026-12-03T01:02:00Z"), 0);

    @BeforeEach
    void tree() {
        when(reporting.headline(anyString(), eq("TW"))).thenReturn(new OrgHeadline("TW", "Trung ương", "CENTRAL",
                null));
        when(reporting.headline(anyString(), eq("TQ"))).thenReturn(new OrgHeadline("TQ", "Tỉnh ủy Tuyên Quang",
                "PROVINCE", "TW"));
        when(reporting.headline(anyString(), eq("TQ-MQ"))).thenReturn(new OrgHeadline("TQ-MQ",
                "Đảng bộ xã Minh Quang", "COMMUNE", "TQ"));
        // the same months a year before, whatever the date: the page sets this year's changes beside them
        when(reporting.summary(anyString(), anyString(), notNull())).thenReturn(new Answer<>(new Summary("TQ-MQ",
                "Đảng bộ xã Minh Quang", "COMMUNE", "TQ", true, null, "2025-12", new Summary.Members(1200, 20, 1180,
                0, 480, 690), Map.of(), Map.of(), Map.of(), Map.of(), 2, Map.of(), Map.of(),
                new Summary.Period("2025-01", "2025-12"), Map.of("admitted", 20L, "deceased", 2L), null, null),
                CURRENT));
    }

    private RequestPostProcessor reader(String username, String org, String role) {
        return person(username, "Ban Tổ chức", org, role);
    }

    private static Summary summary(String id, String name, String parent, long members) {
        Map<String, Long> bySex = new LinkedHashMap<>();
        bySex.put("male", members - 500);
        bySex.put("female", 500L);
        return new Summary(id, name, "COMMUNE", parent, true, null, "now",
                new Summary.Members(members, 10, members - 10, 0, 500, 700), bySex, Map.of("tay", 700L),
                Map.of("31-40", members), Map.of("university", members), 2,
                Map.of("village", new Summary.UnitCoverage(12, 1, 3), "school", new Summary.UnitCoverage(4, 0, 0)),
                Map.of("village_head", new Summary.PositionCoverage(11, 9, 81.8)),
                new Summary.Period("2026-01", "2026-12"),
                Map.of("admitted", 12L), null, null);
    }

    private static Comparison comparison(String id, String name) {
        return new Comparison(id, "now", new Summary.Period("2026-01", "2026-12"),
                ChildrenTableTest.row(id, name, 1250, 600, 30),
                List.of(ChildrenTableTest.row("TQ-MQ-NT", "Chi bộ thôn Nà Tông", 9, 4, 2),
                        ChildrenTableTest.row("TQ-MQ-KX", "Chi bộ <script>alert(1)</script>", 1241, 3, 1)));
    }

    @Test
    void a_reader_starts_at_their_own_organisation() throws Exception {
        var response = mvc.perform(get("/").with(reader("province-reader", "TQ", "dashboard-reader"))).andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/organisations/TQ");
    }

    @Test
    void an_auditor_bound_to_no_subtree_starts_at_the_top_and_an_operator_is_told_there_is_nothing_yet()
            throws Exception {
        assertThat(mvc.perform(get("/").with(reader("auditor", null, "auditor"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/organisations/TW");
        assertThat(render("/", reader("operator", null, "metrics-reader"), 200)).contains("metrics-reader")
                .contains("Chưa có trang cho vai trò của bạn");
    }

    @Test
    void the_summary_is_in_vietnamese_with_vietnamese_numbers_and_the_time_figures_are_current_to() throws Exception {
        when(reporting.summary(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(summary("TQ-MQ", "Đảng bộ xã Minh Quang", "TQ", 1250), CURRENT));
        when(reporting.children(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));

        String html = render("/organisations/TQ-MQ", reader("province-reader", "TQ", "dashboard-reader"), 200);

        assertThat(html).contains("<html lang=\"vi\"").contains("Đảng bộ xã Minh Quang").contains("1.250")
                .contains("Số liệu tính đến 08:02 03/12/2026").contains("Kết nạp").contains("Đại học")
                .doesNotContain("figures-warning");
        assertThat(html).as("breadcrumbs from the reader's province").contains("href=\"/organisations/TQ?asOf=\"")
                .doesNotContain("href=\"/organisations/TW\"");
        assertThat(html).as("names are escaped").contains("Chi bộ &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void the_page_leads_to_the_meetings_and_what_is_due_and_only_an_auditors_to_the_organisations_history()
            throws Exception {
        when(reporting.summary(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(summary("TQ-MQ", "Đảng bộ xã Minh Quang", "TQ", 1250), CURRENT));
        when(reporting.children(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));

        String readers = render("/organisations/TQ-MQ", reader("province-reader", "TQ", "dashboard-reader"), 200);
        String auditors = render("/organisations/TQ-MQ", reader("auditor", null, "auditor"), 200);

        assertThat(readers).contains("href=\"/organisations/TQ-MQ/meetings\"").contains("Sinh hoạt chi bộ")
                .contains("href=\"/organisations/TQ-MQ/due\"").contains("Việc đến hạn")
                .doesNotContain("/audit/organisations/");
        assertThat(auditors).contains("href=\"/audit/organisations/TQ-MQ\"");
    }

    @Test
    void english_is_a_switch_away_and_figures_still_catching_up_carry_a_warning() throws Exception {
        when(reporting.summary(anyString(), eq("TQ-MQ"), isNull())).thenReturn(new Answer<>(
                summary("TQ-MQ", "Đảng bộ xã Minh Quang", "TQ", 1250), new Freshness("CATCHING_UP", null, 40)));
        when(reporting.children(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));

        String html = render("/organisations/TQ-MQ?lang=en", reader("province-reader", "TQ", "dashboard-reader"),
                200);

        assertThat(html).contains("<html lang=\"en\"").contains("1,250").contains("Admitted")
                .contains("id=\"figures-warning\"").contains("CATCHING_UP").contains("Tiếng Việt");
    }

    @Test
    void a_past_date_inside_a_month_asks_for_the_month_end_before_it_and_says_so() throws Exception {
        when(reporting.summary(anyString(), eq("TQ-MQ"), eq(LocalDate.of(2024, 2, 29))))
                .thenReturn(new Answer<>(summary("TQ-MQ", "Đảng bộ xã Minh Quang", "TQ", 900), CURRENT));
        when(reporting.children(anyString(), eq("TQ-MQ"), eq(LocalDate.of(2024, 2, 29))))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));

        String html = render("/organisations/TQ-MQ?asOf=2024-03-15", reader("province-reader", "TQ",
                "dashboard-reader"), 200);

        assertThat(html).contains("Số liệu tại ngày 29/02/2024").contains("trước 15/03/2024")
                .contains("value=\"2024-03-15\"");
        verify(reporting).summary(anyString(), eq("TQ-MQ"), eq(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void the_children_table_sorts_and_exports_the_same_rows_as_csv() throws Exception {
        when(reporting.children(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));
        RequestPostProcessor reader = reader("province-reader", "TQ", "dashboard-reader");

        String html = render("/organisations/TQ-MQ/children?asOf=&sort=members&desc=true", reader, 200);
        var csv = mvc.perform(get("/organisations/TQ-MQ/children.csv?sort=members&desc=true").with(reader))
                .andReturn().getResponse();

        assertThat(html.indexOf("TQ-MQ-KX")).isLessThan(html.indexOf("TQ-MQ-NT"));
        assertThat(render("/organisations/TQ-MQ/children", reader, 200)).as("by name when no column is asked for")
                .contains("aria-sort=\"ascending\"");
        assertThat(html).contains("aria-sort=\"descending\"");
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains("TQ-MQ-children-");
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "\uFEFFMã,Tổ chức,Đảng viên,Dự bị,Chính thức,Nữ,Dân tộc thiểu số,Kết nạp trong năm",
                "TQ-MQ-KX,Chi bộ <script>alert(1)</script>,1241,1,1240,3,2,1",
                "TQ-MQ-NT,Chi bộ thôn Nà Tông,9,1,8,4,2,2",
                "TQ-MQ,Tổng cộng: Đảng bộ xã Minh Quang,1250,1,1249,600,2,30");
    }

    @Test
    void the_children_export_as_a_workbook_in_english_holds_the_same_rows_as_numbers() throws Exception {
        when(reporting.children(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));
        RequestPostProcessor reader = reader("province-reader", "TQ", "dashboard-reader");

        var xlsx = mvc.perform(get("/organisations/TQ-MQ/children.xlsx?sort=members&desc=true&lang=en")
                .with(reader)).andReturn().getResponse();

        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Organisation");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("TQ-MQ-KX");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Chi bộ <script>alert(1)</script>");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1241);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("TQ-MQ-NT");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).startsWith("Total").endsWith("Minh Quang");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(1250);
        }
    }

    @Test
    void a_figure_month_by_month_is_a_chart_over_a_table_of_the_months_asked_for() throws Exception {
        when(reporting.series(anyString(), eq("TQ"), eq("flow.admitted"), eq(YearMonth.of(2025, 1)),
                eq(YearMonth.of(2025, 3)))).thenReturn(new Answer<>(new Series("TQ", "flow.admitted", "flow",
                List.of(new Series.Point("2025-01", 1200), new Series.Point("2025-02", 0),
                        new Series.Point("2025-03", 35)), 1235L), CURRENT));

        String html = render("/organisations/TQ/series?metric=flow.admitted&from=2025-01&to=2025-03",
                reader("province-reader", "TQ", "dashboard-reader"), 200);

        assertThat(html).contains("Theo tháng: Tỉnh ủy Tuyên Quang").contains("<caption>Kết nạp</caption>")
                .contains("data-kind=\"flow\"").contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
                .contains("Số liệu tính đến 08:02 03/12/2026");
        assertThat(html.replaceAll("\\s+", " ")).contains("<td>01/2025</td> <td class=\"number\">1.200</td>")
                .contains("<td>03/2025</td> <td class=\"number\">35</td>")
                .contains("<td id=\"series-total\" class=\"number\">1.235</td>");
        assertThat(html.indexOf("01/2025")).isLessThan(html.indexOf("02/2025"));
    }

    @Test
    void an_unknown_figure_or_period_shows_members_over_the_last_two_years() throws Exception {
        when(reporting.series(anyString(), eq("TQ"), eq("members"), any(), any())).thenReturn(new Answer<>(
                new Series("TQ", "members", "stock", List.of(new Series.Point("2026-11", 1250)), null), CURRENT));

        String html = render("/organisations/TQ/series?metric=password&from=last-year&to=",
                reader("province-reader", "TQ", "dashboard-reader"), 200);

        var from = org.mockito.ArgumentCaptor.forClass(YearMonth.class);
        var to = org.mockito.ArgumentCaptor.forClass(YearMonth.class);
        verify(reporting).series(anyString(), eq("TQ"), eq("members"), from.capture(), to.capture());
        assertThat(to.getValue()).isEqualTo(YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(from.getValue()).isEqualTo(to.getValue().minusMonths(23));
        assertThat(html).contains("data-kind=\"stock\"").doesNotContain("series-total");
    }

    @Test
    void an_organisation_outside_the_readers_subtree_is_a_refusal_page_not_data() throws Exception {
        when(reporting.summary(anyString(), eq("HG"), any())).thenThrow(new FiguresRefused(403, "HG", "{}"));

        String html = render("/organisations/HG", reader("commune-reader", "TQ-MQ", "dashboard-reader"), 403);

        assertThat(html).contains("Không có quyền xem").contains("HG");
    }

    @Test
    void an_unknown_organisation_and_a_silent_reporting_service_are_pages_too() throws Exception {
        when(reporting.summary(anyString(), eq("XX"), any())).thenThrow(new FiguresRefused(404, "XX", "{}"));
        when(reporting.summary(anyString(), eq("TQ"), any()))
                .thenThrow(new FiguresUnavailable("down", new RuntimeException()));
        RequestPostProcessor reader = reader("province-reader", "TQ", "dashboard-reader");

        assertThat(render("/organisations/XX", reader, 404)).contains("Không tìm thấy");
        assertThat(render("/organisations/TQ?lang=en", reader, 503)).contains("The figures cannot be read now")
                .doesNotContain("Exception");
    }

    @Test
    void a_stranger_is_sent_to_log_in_and_health_is_open() throws Exception {
        var page = mvc.perform(get("/organisations/TQ")).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).endsWith("/oauth2/authorization/chibo");
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    /** A report as reporting-service writes one: a byte-order mark, CRLF lines, a name quoted for its comma. */
    private static final String STATISTICS = "\uFEFFma_to_chuc,ten_to_chuc,dang_vien_dau_ky,ket_nap_moi,"
            + "dang_vien_cuoi_ky\r\n"
            + "TQ-MQ,\"Đảng bộ xã Minh Quang, <b>cũ</b>\",1230,25,1250\r\n"
            + "TQ-HY,Đảng bộ xã Hùng Lợi,7,0,7\r\n"
            + "TQ,Tổng cộng: Tỉnh ủy Tuyên Quang,1237,25,1257\r\n";

    @Test
    void the_statistics_report_is_a_table_of_the_organisations_below_and_the_total_over_the_months_asked_for()
            throws Exception {
        when(reporting.statistics(anyString(), eq("TQ"), eq(YearMonth.of(2025, 1)), eq(YearMonth.of(2025, 6))))
                .thenReturn(new Answer<>(STATISTICS, CURRENT));

        String html = render("/organisations/TQ/statistics?from=2025-01&to=2025-06",
                reader("province-reader", "TQ", "dashboard-reader"), 200).replaceAll("\\s+", " ");

        assertThat(html).contains("Báo cáo thống kê đảng viên: Tỉnh ủy Tuyên Quang")
                .contains("Kỳ báo cáo: từ tháng 01/2025 đến hết tháng 06/2025.")
                .contains("<th scope=\"col\" class=\"number\" data-column=\"dang_vien_dau_ky\">Đảng viên đầu kỳ</th>")
                .contains("Đảng bộ xã Minh Quang, &lt;b&gt;cũ&lt;/b&gt;").doesNotContain("<b>cũ")
                .contains("<td class=\"number\" data-column=\"dang_vien_cuoi_ky\">1.250</td>")
                .contains("href=\"/organisations/TQ/statistics.csv?from=2025-01&amp;to=2025-06\"")
                .contains("Số liệu tính đến 08:02 03/12/2026");
        String total = html.substring(html.indexOf("id=\"statistics-total\""));
        assertThat(total).startsWith("id=\"statistics-total\" data-org=\"TQ\"")
                .contains("Tổng cộng: Tỉnh ủy Tuyên Quang")
                .contains("<td class=\"number\" data-column=\"dang_vien_dau_ky\">1.237</td>");
        assertThat(html.indexOf("data-org=\"TQ-MQ\"")).as("in reporting's order")
                .isLessThan(html.indexOf("data-org=\"TQ-HY\""));
    }

    @Test
    void the_statistics_file_is_reportings_report_as_it_came_and_a_period_it_refuses_is_explained() throws Exception {
        when(reporting.statistics(anyString(), eq("TQ"), eq(YearMonth.of(2025, 1)), eq(YearMonth.of(2025, 6))))
                .thenReturn(new Answer<>(STATISTICS, CURRENT));
        when(reporting.statistics(anyString(), eq("TQ"), eq(YearMonth.of(2025, 6)), eq(YearMonth.of(2025, 1))))
                .thenThrow(new FiguresRefused(400, "TQ", "{\"type\":\"urn:chibo:problem:invalid\","
                        + "\"detail\":\"to (2025-01) is before from (2025-06)\"}"));
        RequestPostProcessor reader = reader("province-reader", "TQ", "dashboard-reader");

        var csv = mvc.perform(get("/organisations/TQ/statistics.csv?from=2025-01&to=2025-06").with(reader))
                .andReturn().getResponse();
        String refused = render("/organisations/TQ/statistics?from=2025-06&to=2025-01", reader, 400);

        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment")
                .contains("thong-ke-dang-vien-TQ-2025-01-2025-06.csv");
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(STATISTICS);
        assertThat(refused).contains("to (2025-01) is before from (2025-06)").doesNotContain("Exception");
    }

    @Test
    void the_years_changes_stand_beside_the_same_months_a_year_before_with_units_and_key_positions_covered()
            throws Exception {
        when(reporting.summary(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(summary("TQ-MQ", "Đảng bộ xã Minh Quang", "TQ", 1250), CURRENT));
        when(reporting.children(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));

        String html = render("/organisations/TQ-MQ", reader("province-reader", "TQ", "dashboard-reader"), 200)
                .replaceAll("\\s+", " ");

        assertThat(html).contains("Cùng kỳ năm trước (01/2025 – 12/2025)")
                .contains("<tr data-flow=\"admitted\"> <th scope=\"row\">Kết nạp</th> <td class=\"number\">12</td>"
                        + " <td class=\"number\">20</td> <td class=\"number\">-8</td>")
                .contains("<tr data-flow=\"deceased\"> <th scope=\"row\">Từ trần</th> <td class=\"number\">0</td>"
                        + " <td class=\"number\">2</td> <td class=\"number\">-2</td>");
        assertThat(html).contains("<tr data-kind=\"village\"> <th scope=\"row\">Thôn, bản</th>"
                        + " <td class=\"number\">12</td> <td class=\"number\">1</td> <td class=\"number\">3</td>")
                .contains("<tr data-position=\"village_head\"> <th scope=\"row\">Trưởng thôn, tổ trưởng tổ dân phố</th>"
                        + " <td class=\"number\">11</td> <td class=\"number\">9</td> <td class=\"number\">81,8 %</td>");
    }

    @Test
    void without_the_year_before_the_years_changes_stand_alone() throws Exception {
        when(reporting.summary(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(summary("TQ-MQ", "Đảng bộ xã Minh Quang", "TQ", 1250), CURRENT));
        when(reporting.summary(anyString(), eq("TQ-MQ"), notNull()))
                .thenThrow(new FiguresRefused(404, "TQ-MQ", "{\"detail\":\"no figures then\"}"));
        when(reporting.children(anyString(), eq("TQ-MQ"), isNull()))
                .thenReturn(new Answer<>(comparison("TQ-MQ", "Đảng bộ xã Minh Quang"), CURRENT));

        String html = render("/organisations/TQ-MQ", reader("province-reader", "TQ", "dashboard-reader"), 200)
                .replaceAll("\\s+", " ");

        assertThat(html).doesNotContain("Cùng kỳ năm trước")
                .contains("<tr data-flow=\"admitted\"> <th scope=\"row\">Kết nạp</th> <td class=\"number\">12</td> </tr>");
    }

    private static OrgMatches.Match match(String id, String name, String level, OrgMatches.Above... path) {
        return new OrgMatches.Match(id, name, level, true, List.of(path));
    }

    @Test
    void a_search_by_name_lists_the_organisations_found_with_their_level_and_the_way_down_to_them() throws Exception {
        OrgMatches.Above province = new OrgMatches.Above("TQ", "Tỉnh ủy Tuyên Quang", "PROVINCE");
        OrgMatches.Above commune = new OrgMatches.Above("TQ-MQ", "Đảng bộ xã Minh Quang", "COMMUNE");
        when(reporting.search(anyString(), eq("na hec"))).thenReturn(new Answer<>(new OrgMatches("na hec", "TQ",
                List.of(match("TQ-MQ-NH", "Chi bộ thôn Nà Héc", "CELL", province, commune),
                        match("TQ-MQ-X", "Chi bộ <b>Nà Héc</b> 2", "CELL", province, commune)), 2, false), CURRENT));
        var reader = reader("province-reader", "TQ", "dashboard-reader");

        String html = render("/search?q=na hec", reader, 200);

        assertThat(html).contains("2 tổ chức có tên chứa “na hec”")
                .contains("<a class=\"result-name\" href=\"/organisations/TQ-MQ-NH\">Chi bộ thôn Nà Héc</a>")
                .contains("<span class=\"result-level\">Chi bộ</span>")
                .contains("<li>Tỉnh ủy Tuyên Quang</li>").contains("<li>Đảng bộ xã Minh Quang</li>")
                .doesNotContain("search-more").doesNotContain("search-problem");
        assertThat(html).as("names are escaped").contains("Chi bộ &lt;b&gt;Nà Héc&lt;/b&gt; 2")
                .doesNotContain("<b>Nà Héc</b>");
        assertThat(render("/search?q=na hec&lang=en", reader, 200)).contains("2 organisations with names holding")
                .contains("<span class=\"result-level\">Cell</span>");
    }

    @Test
    void every_page_of_a_figures_reader_has_a_labelled_search_box_in_its_header() throws Exception {
        when(reporting.search(anyString(), anyString())).thenReturn(new Answer<>(new OrgMatches("xã", "TQ",
                List.of(), 0, false), CURRENT));

        String html = render("/search?q=xã", reader("province-reader", "TQ", "dashboard-reader"), 200);

        assertThat(html).contains("<label for=\"search-q\" class=\"sr-only\">Tên tổ chức đảng</label>")
                .contains("id=\"search-q\" name=\"q\"")
                .contains("Không có tổ chức nào trong phạm vi của bạn có tên chứa “xã”");
        assertThat(render("/", reader("operator", null, "metrics-reader"), 200)).doesNotContain("header-search");
    }

    @Test
    void more_matches_than_shown_ask_the_reader_to_refine_the_search() throws Exception {
        List<OrgMatches.Match> fifty = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> match("TQ-C" + i, "Chi bộ thôn " + i, "CELL")).toList();
        when(reporting.search(anyString(), eq("chi bo"))).thenReturn(new Answer<>(new OrgMatches("chi bo", "TQ",
                fifty, 73, true), CURRENT));

        String html = render("/search?q=chi bo&lang=en", reader("province-reader", "TQ", "dashboard-reader"), 200);

        assertThat(html).contains("73 organisations with names holding")
                .contains("Showing 50 of 73 results. More results: refine your search");
    }

    @Test
    void an_empty_or_one_letter_search_gets_a_message_and_is_not_sent_to_reporting() throws Exception {
        var reader = reader("province-reader", "TQ", "dashboard-reader");

        assertThat(render("/search?q= ", reader, 200)).contains("Hãy gõ một phần tên tổ chức cần tìm.")
                .doesNotContain("search-results");
        assertThat(render("/search?q=đ", reader, 200)).contains("Hãy gõ ít nhất 2 chữ cái hoặc chữ số");
        assertThat(render("/search?lang=en", reader, 200)).contains("Type part of the name");
        verify(reporting, never()).search(anyString(), anyString());
    }
}
