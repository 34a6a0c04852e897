package chibo.dashboard.pages;

import chibo.dashboard.figures.DueList;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.FiguresUnavailable;
import chibo.dashboard.figures.OrgHeadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The due-list page as readers of different roles get it from membership-service's (canned) answers. */
class DuePagesTest extends PageTest {

    @BeforeEach
    void tree() {
        when(reporting.headline(anyString(), eq("TQ"))).thenReturn(new OrgHeadline("TQ", "Tỉnh ủy Tuyên Quang",
                "PROVINCE", "TW"));
        when(reporting.headline(anyString(), eq("TQ-MQ"))).thenReturn(new OrgHeadline("TQ-MQ",
                "Đảng bộ xã Minh Quang", "COMMUNE", "TQ"));
    }

    private static DueList.Entry entry(String id, String name, String kind, String state, LocalDate deadline) {
        return new DueList.Entry(id, name, "TQ-MQ-NT", "Chi bộ thôn Nà Tông", kind, deadline.minusDays(30), deadline,
                state);
    }

    private static DueList threeDue() {
        return new DueList("TQ-MQ", LocalDate.of(2026, 12, 6), 4, List.of(
                entry("TQ-MQ-NT-007", "Hoàng Thị <b>Mai</b>", "PROBATION_ENDING", "OVERDUE",
                        LocalDate.of(2026, 11, 20)),
                entry("TQ-MQ-NT-001", "Ma Văn Sình", "PROBATION_ENDING", "DUE", LocalDate.of(2026, 12, 20)),
                entry("TQ-MQ-NT-009", "Lý Văn Páo", "IN_TRANSIT", "UPCOMING", LocalDate.of(2027, 1, 15))));
    }

    private RequestPostProcessor person(String role) {
        return person("commune-reader", "Đảng ủy xã Minh Quang", "TQ-MQ", role);
    }

    private String page(String path, RequestPostProcessor who, int status) throws Exception {
        return oneLine(render(path, who, status));
    }

    @Test
    void a_reader_sees_how_many_are_due_by_kind_and_state_and_who_they_are() throws Exception {
        when(membership.dueList(anyString(), eq("TQ-MQ"), isNull(), eq(false))).thenReturn(threeDue());

        String html = page("/organisations/TQ-MQ/due", person("dashboard-reader"), 200);

        assertThat(html).contains("Việc đến hạn: Đảng bộ xã Minh Quang").contains("Tính đến ngày 06/12/2026, trên 4"
                + " chi bộ.");
        assertThat(html).as("two probations ending, one of them overdue (a recognition overdue)")
                .containsPattern("<tr data-kind=\"PROBATION_ENDING\">.*?data-state=\"UPCOMING\">0<.*?"
                        + "data-state=\"DUE\">1<.*?class=\"number overdue\" data-state=\"OVERDUE\">1<.*?>2</td>")
                .containsPattern("<tr data-kind=\"IN_TRANSIT\">.*?data-state=\"UPCOMING\">1<")
                .containsPattern("<tr data-kind=\"REMOVAL_REVIEW\">.*?>0</td> </tr>");
        assertThat(html).contains("data-member=\"TQ-MQ-NT-007\"").contains("class=\"overdue\"")
                .contains("20/11/2026").contains("Quá hạn").contains("Chi bộ thôn Nà Tông")
                .contains("Hoàng Thị &lt;b&gt;Mai&lt;/b&gt;").doesNotContain("<b>Mai</b>")
                .as("a reader cannot open a member's history").doesNotContain("/audit/members/");
    }

    @Test
    void a_role_membership_names_no_one_to_sees_only_how_many() throws Exception {
        when(membership.dueList(anyString(), eq("TQ-MQ"), isNull(), eq(false))).thenReturn(threeDue());

        String html = page("/organisations/TQ-MQ/due", person("data-protection"), 200);

        assertThat(html).contains("id=\"due-counts\"").contains("id=\"due-counts-only\"")
                .doesNotContain("id=\"due-items\"").doesNotContain("Ma Văn Sình").doesNotContain("TQ-MQ-NT-001");
    }

    @Test
    void the_kind_and_overdue_only_are_asked_of_membership_and_an_unknown_kind_is_ignored() throws Exception {
        when(membership.dueList(anyString(), eq("TQ-MQ"), eq("REMOVAL_REVIEW"), eq(true)))
                .thenReturn(new DueList("TQ-MQ", LocalDate.of(2026, 12, 6), 4, List.of()));
        when(membership.dueList(anyString(), eq("TQ-MQ"), isNull(), eq(false))).thenReturn(threeDue());

        String filtered = page("/organisations/TQ-MQ/due?kind=REMOVAL_REVIEW&overdueOnly=true&lang=en",
                person("dashboard-reader"), 200);
        page("/organisations/TQ-MQ/due?kind=DROP%20TABLE", person("dashboard-reader"), 200);

        verify(membership).dueList(anyString(), eq("TQ-MQ"), eq("REMOVAL_REVIEW"), eq(true));
        verify(membership).dueList(anyString(), eq("TQ-MQ"), isNull(), eq(false));
        assertThat(filtered).contains("Nothing is due.").contains("<option value=\"REMOVAL_REVIEW\" selected")
                .contains("checked");
    }

    @Test
    void an_auditor_may_open_the_history_of_a_member_due() throws Exception {
        when(membership.dueList(anyString(), eq("TQ-MQ"), isNull(), eq(false))).thenReturn(threeDue());

        assertThat(page("/organisations/TQ-MQ/due", person("auditor"), 200))
                .contains("href=\"/audit/members/TQ-MQ-NT-007\"");
    }

    @Test
    void another_provinces_due_list_is_refused_and_a_silent_membership_service_is_a_page_saying_so()
            throws Exception {
        when(membership.dueList(anyString(), eq("HG"), isNull(), eq(false)))
                .thenThrow(new FiguresRefused(403, "HG", "{\"type\":\"urn:chibo:problem:forbidden\"}"));
        when(membership.dueList(anyString(), eq("TQ"), isNull(), eq(false)))
                .thenThrow(new FiguresUnavailable("membership-service did not answer", null));

        assertThat(page("/organisations/HG/due", person("dashboard-reader"), 403)).contains("Không có quyền xem")
                .doesNotContain("due-counts");
        assertThat(page("/organisations/TQ/due", person("dashboard-reader"), 503)).contains("Chưa đọc được số liệu");
    }
}
