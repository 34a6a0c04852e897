package chibo.dashboard.pages;

import chibo.dashboard.figures.Answer;
import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.FiguresUnavailable;
import chibo.dashboard.figures.Freshness;
import chibo.dashboard.figures.OrgHeadline;
import chibo.dashboard.figures.Summary;
import chibo.dashboard.figures.UncoveredUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.notNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The organisation page's list of units without a cell or a resident member (the same context as
 * {@link OrganisationPagesTest}: real templates and messages, reporting-service replaced by canned answers).
 */
class OrganisationUnitsPageTest extends PageTest {

    private static final Freshness CURRENT = new Freshness("CURRENT", Instant.parse("2026-12-03T01:02:00Z"), 0);

    @BeforeEach
    void province() {
        when(reporting.headline(anyString(), eq("TW"))).thenReturn(new OrgHeadline("TW", "Trung ương", "CENTRAL",
                null));
        Summary tuyenQuang = new Summary("TQ", "Tỉnh ủy Tuyên Quang", "PROVINCE", "TW", true, null, "now",
                new Summary.Members(1250, 10, 1240, 0, 500, 700), Map.of(), Map.of(), Map.of(), Map.of(), 2,
                Map.of("village", new Summary.UnitCoverage(40, 2, 12), "school", new Summary.UnitCoverage(4, 1, 1)),
                Map.of(), new Summary.Period("2026-01", "2026-12"), Map.of(), null, null);
        when(reporting.summary(anyString(), eq("TQ"), isNull())).thenReturn(new Answer<>(tuyenQuang, CURRENT));
        when(reporting.summary(anyString(), eq("TQ"), notNull())).thenReturn(new Answer<>(tuyenQuang, CURRENT));
        Comparison children = new Comparison("TQ", "now", new Summary.Period("2026-01", "2026-12"),
                ChildrenTableTest.row("TQ", "Tỉnh ủy Tuyên Quang", 1250, 20, 2),
                List.of(ChildrenTableTest.row("TQ-MQ", "Đảng bộ xã Minh Quang", 1250, 20, 2)));
        when(reporting.children(anyString(), eq("TQ"), isNull())).thenReturn(new Answer<>(children, CURRENT));
        when(reporting.children(anyString(), eq("TQ"), notNull())).thenReturn(new Answer<>(children, CURRENT));
    }

    private String page(String path) throws Exception {
        return render(path, provinceReader(), 200);
    }

    private static UncoveredUnits.Unit unit(String id, String name, String kind, boolean withoutCell,
                                            boolean withoutMember) {
        return new UncoveredUnits.Unit(id, name, kind, "TQ-MQ", "Đảng bộ xã Minh Quang", withoutCell,
                withoutMember);
    }

    /** Twelve villages (more than a list shown open) and one school, as reporting lists them. */
    private static UncoveredUnits uncovered() {
        List<UncoveredUnits.Unit> units = new ArrayList<>();
        units.add(unit("thon-khuoi-xoan", "Thôn Khuổi Xoan", "VILLAGE", true, true));
        units.add(unit("thon-na-hec", "Thôn Nà Héc", "VILLAGE", true, false));
        for (int i = 1; i <= 10; i++) {
            units.add(unit("thon-" + i, "Thôn Số " + i, "VILLAGE", false, true));
        }
        units.add(unit("truong-mq", "Trường <script>alert(1)</script>", "SCHOOL", true, true));
        return new UncoveredUnits("TQ", units);
    }

    @Test
    void the_page_lists_the_units_without_a_cell_or_a_resident_member_by_kind_with_their_commune() throws Exception {
        when(reporting.uncoveredUnits(anyString(), eq("TQ"))).thenReturn(uncovered());

        String html = page("/organisations/TQ");

        assertThat(html).contains("Đơn vị chưa có chi bộ hoặc chưa có đảng viên cư trú")
                .contains("Thôn Khuổi Xoan").contains("Thôn Nà Héc").contains("Thôn Số 10")
                .contains("(Đảng bộ xã Minh Quang)")
                .contains("Thôn, bản: 12 đơn vị (2 chưa có chi bộ, 11 chưa có đảng viên cư trú)")
                .contains("Trường học: 1 đơn vị (1 chưa có chi bộ, 1 chưa có đảng viên cư trú)");
        assertThat(html).as("a unit's name is text").contains("Trường &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(details(html, "uncovered-village")).as("twelve villages are folded").doesNotContain("open");
        assertThat(details(html, "uncovered-school")).as("one school is shown").contains("open");
        assertThat(html.indexOf("Thôn Khuổi Xoan")).as("villages before schools")
                .isLessThan(html.indexOf("Trường &lt;script"));
        String naHec = item(html, "thon-na-hec");
        assertThat(naHec).contains("Chưa có chi bộ").doesNotContain("Chưa có đảng viên cư trú");
    }

    @Test
    void in_english_the_list_has_english_labels() throws Exception {
        when(reporting.uncoveredUnits(anyString(), eq("TQ"))).thenReturn(uncovered());

        String html = page("/organisations/TQ?lang=en");

        assertThat(html).contains("Units without a cell or without a resident party member")
                .contains("Villages: 12 units (2 without a cell, 11 without a resident member)")
                .contains("Thôn Khuổi Xoan");
        assertThat(item(html, "thon-1")).contains("Without a resident member").doesNotContain("Without a cell");
    }

    @Test
    void a_unit_reporting_has_no_name_for_is_shown_by_its_id_and_a_subtree_with_none_says_so() throws Exception {
        when(reporting.uncoveredUnits(anyString(), eq("TQ"))).thenReturn(new UncoveredUnits("TQ",
                List.of(unit("to-dan-pho-7", null, "RESIDENTIAL_GROUP", true, false))));
        assertThat(item(page("/organisations/TQ"), "to-dan-pho-7")).contains(">to-dan-pho-7<");

        when(reporting.uncoveredUnits(anyString(), eq("TQ"))).thenReturn(new UncoveredUnits("TQ", List.of()));
        assertThat(page("/organisations/TQ")).contains("Mọi đơn vị đã có chi bộ và có đảng viên cư trú.");
    }

    @Test
    void when_the_list_cannot_be_read_the_figures_are_still_shown() throws Exception {
        when(reporting.uncoveredUnits(anyString(), eq("TQ")))
                .thenThrow(new FiguresUnavailable("reporting-service did not answer", null));

        String html = page("/organisations/TQ");

        assertThat(html).contains("Tỉnh ủy Tuyên Quang").contains("1.250")
                .contains("Chưa lấy được danh sách đơn vị lúc này");
    }

    @Test
    void a_past_date_gives_no_list_and_says_it_is_for_today_only() throws Exception {
        String html = page("/organisations/TQ?asOf=2025-12-31");

        assertThat(html).contains("Danh sách chỉ có cho thời điểm hiện tại");
        verify(reporting, never()).uncoveredUnits(anyString(), anyString());
        verify(reporting).summary(anyString(), eq("TQ"), eq(LocalDate.of(2025, 12, 31)));
    }

    /** The opening tag of a details element by id. */
    private static String details(String html, String id) {
        Matcher tag = Pattern.compile("<details[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(tag.find()).as(id).isTrue();
        return tag.group();
    }

    /** A unit's list item, by its id. */
    private static String item(String html, String unitId) {
        Matcher item = Pattern.compile("<li data-unit=\"" + Pattern.quote(unitId) + "\">(.*?)</li>", Pattern.DOTALL)
                .matcher(html);
        assertThat(item.find()).as(unitId).isTrue();
        return item.group(1);
    }
}
