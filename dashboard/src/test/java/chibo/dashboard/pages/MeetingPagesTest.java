package chibo.dashboard.pages;

import chibo.dashboard.figures.Answer;
import chibo.dashboard.figures.Comparison;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.Freshness;
import chibo.dashboard.figures.MeetingFigures;
import chibo.dashboard.figures.OrgHeadline;
import chibo.dashboard.figures.Series;
import chibo.dashboard.figures.Summary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;

/** The meetings page of a commune, from reporting-service's (canned) summary, children and series. */
class MeetingPagesTest extends PageTest {

    private static final Freshness CURRENT = new Freshness("CURRENT", Instant.parse("2026-12-03T01:02:00Z"), 0);
    private static final LocalDate END_2025 = LocalDate.of(2025, 12, 31);

    @BeforeEach
    void commune() {
        when(reporting.headline(anyString(), eq("TQ"))).thenReturn(new OrgHeadline("TQ", "Tỉnh ủy Tuyên Quang",
                "PROVINCE", "TW"));
        when(reporting.meetings(anyString(), eq("TQ-MQ"), any())).thenReturn(new Answer<>(new MeetingFigures("TQ-MQ",
                "Đảng bộ xã Minh Quang", "COMMUNE", "TQ", new Summary.Period("2025-01", "2025-12"),
                new MeetingFigures.Meetings(30, 22, 8, 24, 91.7, 400, 350, 30, 20, 87.5, 3, 25,
                        Map.of("good", 20L, "fair", 7L, "poor", 3L), Map.of("no_regular_meeting", 2L))), CURRENT));
        when(reporting.children(anyString(), eq("TQ-MQ"), any())).thenReturn(new Answer<>(new Comparison("TQ-MQ",
                "now", new Summary.Period("2025-01", "2025-12"), ChildrenTableTest.row("TQ-MQ", "Minh Quang", 20, 2, 0),
                List.of(ChildrenTableTest.row("TQ-MQ-NT", "Chi bộ thôn Nà Tông", 9, 4, 2),
                        ChildrenTableTest.row("TQ-MQ-KX", "Chi bộ <i>Khuổi Xoan</i>", 11, 3, 1))), CURRENT));
    }

    private void series(String org, String counter, long... values) {
        YearMonth first = YearMonth.of(2025, 1);
        when(reporting.series(anyString(), eq(org), eq(counter), eq(first), eq(YearMonth.of(2025, 12))))
                .thenReturn(new Answer<>(new Series(org, counter, "flow", IntStream.range(0, values.length)
                        .mapToObj(i -> new Series.Point(first.plusMonths(i).toString(), values[i])).toList(), null),
                        CURRENT));
    }

    private String page(String path, int status) throws Exception {
        return oneLine(render(path, provinceReader(), status));
    }

    @Test
    void a_past_year_shows_its_meetings_attendance_grades_and_a_heat_map_of_the_cells_by_month() throws Exception {
        series("TQ-MQ-NT", "meetings.held", 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 3);
        series("TQ-MQ-KX", "meetings.held", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

        String html = page("/organisations/TQ-MQ/meetings?year=2025", 200);

        assertThat(html).contains("Sinh hoạt chi bộ: Đảng bộ xã Minh Quang").contains("22 / 24")
                .contains("91,7 %").contains("87,5 %").contains("data-grade=\"good\" data-value=\"20\"")
                .contains("data-grade=\"average\" data-value=\"0\"").containsPattern(
                        "data-breach=\"no_regular_meeting\"> <th scope=\"row\">Tháng không sinh hoạt thường kỳ</th>"
                                + " <td class=\"number\">2</td>");
        assertThat(html).as("cells in Vietnamese order, months as columns, the empty month uncoloured")
                .containsPattern("data-org=\"TQ-MQ-KX\".*data-org=\"TQ-MQ-NT\"")
                .contains("Chi bộ &lt;i&gt;Khuổi Xoan&lt;/i&gt;")
                .contains("class=\"number shade-0\" data-month=\"2025-03\" data-value=\"0\"")
                .contains("class=\"number shade-4\" data-month=\"2025-12\" data-value=\"3\"")
                .contains("class=\"number shade-2\" data-month=\"2025-01\" data-value=\"1\"")
                .contains("<th scope=\"col\" class=\"number\">12/2025</th>").containsPattern("data-org=\"TQ-MQ-NT\".*?<td class=\"number\">13</td> </tr>")
                .containsPattern("data-org=\"TQ-MQ-KX\".*?<td class=\"number\">12</td> </tr>");
    }

    @Test
    void breaches_are_shown_in_english_on_asking_and_this_year_reads_the_figures_of_now() throws Exception {
        series("TQ-MQ-NT", "breaches.no_regular_meeting", 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        series("TQ-MQ-NT", "breaches.no_thematic_meeting", 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        series("TQ-MQ-KX", "breaches.no_regular_meeting", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        series("TQ-MQ-KX", "breaches.no_thematic_meeting", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        String html = page("/organisations/TQ-MQ/meetings?year=2025&show=breaches&lang=en", 200);

        assertThat(html).contains("By organisation below and month: Breaches of the meeting duty")
                .contains("data-month=\"2025-03\" data-value=\"2\"").contains("91.7 %");
        org.mockito.Mockito.verify(reporting).meetings(anyString(), eq("TQ-MQ"), eq(END_2025));
    }

    @Test
    void a_year_out_of_reach_falls_back_to_this_year_and_a_refusal_is_a_page() throws Exception {
        when(reporting.meetings(anyString(), eq("HG"), any()))
                .thenThrow(new FiguresRefused(403, "HG", "{\"type\":\"urn:chibo:problem:forbidden\"}"));

        assertThat(MeetingPages.year("1990", 2026)).isEqualTo(2026);
        assertThat(MeetingPages.year("2031", 2026)).isEqualTo(2026);
        assertThat(MeetingPages.year("2019", 2026)).isEqualTo(2019);
        assertThat(MeetingPages.year("<b>", 2026)).isEqualTo(2026);
        assertThat(page("/organisations/HG/meetings?year=2025", 403)).contains("Không có quyền xem")
                .doesNotContain("heatmap-table");
    }

    @Test
    void a_cell_with_no_organisations_below_is_its_own_row() throws Exception {
        when(reporting.meetings(anyString(), eq("TQ-MQ-NT"), isNull())).thenReturn(new Answer<>(new MeetingFigures(
                "TQ-MQ-NT", "Chi bộ thôn Nà Tông", "CELL", "TQ-MQ", new Summary.Period("2026-01", "2026-12"),
                new MeetingFigures.Meetings(0, 0, 0, 0, null, 0, 0, 0, 0, null, 0, 0, Map.of(), Map.of())), CURRENT));
        when(reporting.children(anyString(), eq("TQ-MQ-NT"), isNull())).thenReturn(new Answer<>(new Comparison(
                "TQ-MQ-NT", "now", new Summary.Period("2026-01", "2026-12"),
                ChildrenTableTest.row("TQ-MQ-NT", "Chi bộ thôn Nà Tông", 9, 4, 2), List.of()), CURRENT));
        when(reporting.headline(anyString(), eq("TQ-MQ"))).thenReturn(new OrgHeadline("TQ-MQ",
                "Đảng bộ xã Minh Quang", "COMMUNE", "TQ"));
        when(reporting.series(anyString(), eq("TQ-MQ-NT"), eq("meetings.held"), any(), any()))
                .thenAnswer(call -> {
                    YearMonth from = call.getArgument(3);
                    YearMonth to = call.getArgument(4);
                    return new Answer<>(new Series("TQ-MQ-NT", "meetings.held", "flow", IntStream.rangeClosed(
                            from.getMonthValue(), to.getMonthValue()).mapToObj(m -> new Series.Point(
                            from.withMonth(m).toString(), 1)).toList(), null), CURRENT);
                });

        String html = page("/organisations/TQ-MQ-NT/meetings", 200);

        assertThat(html).contains("data-org=\"TQ-MQ-NT\"").contains("—");
        org.mockito.Mockito.verify(reporting).meetings(anyString(), eq("TQ-MQ-NT"), isNull());
    }
}
