package chibo.dashboard.pages;

import chibo.dashboard.figures.DeadLetter;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.ProjectionVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The versions of the figures as an auditor and an operator see them; reporting-service's answers are canned. */
class OperationsPagesTest extends PageTest {

    @BeforeEach
    void versions() {
        when(reporting.projections(anyString())).thenReturn(new ProjectionVersions("v1", List.of(
                new ProjectionVersions.Version("v1", "LIVE", true, 351_321, 351_321, 100.0, null, null, "RUNNING",
                        100L),
                new ProjectionVersions.Version("v2", "BUILDING", false, 120_500, 351_321, 34.3, 3710.4, 62L,
                        "RUNNING", 1000L))));
    }

    private RequestPostProcessor person(String username, String role) {
        return person(username, "Vận hành", null, role);
    }

    private String page(RequestPostProcessor who) throws Exception {
        return render("/projections", who, 200);
    }

    @Test
    void an_operator_sees_each_version_with_its_progress_pace_and_time_left_and_may_rebuild() throws Exception {
        String html = page(person("operator", "operator")).replaceAll("\\s+", " ");

        assertThat(html).contains("Các phiên bản số liệu").contains("đang dùng")
                .contains("<progress max=\"100\" value=\"34\">").contains("120.500 / 351.321")
                .contains("3.710 sự kiện/giây").contains("62 giây").contains("id=\"rebuild-form\"")
                .contains("setTimeout(");
    }

    @Test
    void an_auditor_reads_the_versions_but_gets_no_rebuild_form() throws Exception {
        String html = page(person("auditor", "auditor"));

        assertThat(html).contains("versions-table").doesNotContain("rebuild-form");
    }

    @Test
    void the_operators_home_is_the_versions_page() throws Exception {
        var response = mvc.perform(get("/").with(person("operator", "operator"))).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/projections");
    }

    @Test
    void a_rebuild_is_started_with_the_name_given_and_a_refusal_is_shown_in_words() throws Exception {
        doThrow(new FiguresRefused(409, "projections", "{\"type\":\"urn:chibo:problem:projection-exists\","
                + "\"detail\":\"version v1 exists already\"}")).when(reporting).rebuild(anyString(), eq("v1"));

        var started = mvc.perform(post("/projections/rebuilds").param("version", " v3 ")
                .with(person("operator", "operator")).with(csrf())).andReturn();
        var refused = mvc.perform(post("/projections/rebuilds").param("version", "v1")
                .with(person("operator", "operator")).with(csrf())).andReturn();

        verify(reporting).rebuild(anyString(), eq("v3"));
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/projections");
        assertThat(started.getFlashMap().get("started")).isEqualTo("v3");
        assertThat(refused.getFlashMap().get("refusal")).isEqualTo("version v1 exists already");
    }

    @Test
    void the_dead_letters_of_each_stream_are_listed_read_only_with_why_they_were_parked() throws Exception {
        when(reporting.deadLetters(anyString(), anyString())).thenReturn(List.of());
        when(reporting.deadLetters(anyString(), eq("party.membership.events"))).thenReturn(List.of(
                new DeadLetter("party.membership.events", 2, 41, "TQ-MQ-NT-009", "unknown type member.<b>x</b>.v9",
                        Map.of("ce_type", "member.<b>x</b>.v9"), "{\"name\":\"<script>\"}", 1, List.of())));

        String html = mvc.perform(get("/dead-letters").with(person("operator", "operator"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        assertThat(html).contains("Bản ghi không tính được vào số liệu")
                .contains("<section class=\"dead-letters\" data-topic=\"party.membership.events\">")
                .contains("data-count=\"1\">1 bản ghi lỗi").contains("data-count=\"0\">0 bản ghi lỗi")
                .contains("<td>2/41</td>").contains("unknown type member.&lt;b&gt;x&lt;/b&gt;.v9")
                .contains("&lt;script&gt;").doesNotContain("<script>\"").doesNotContain("redrive");
        verify(reporting).deadLetters(anyString(), eq("party.organization.events"));
        verify(reporting).deadLetters(anyString(), eq("party.meeting.events"));
    }

    @Test
    void a_reader_refused_the_dead_letters_by_reporting_is_told_so() throws Exception {
        when(reporting.deadLetters(anyString(), anyString())).thenThrow(new FiguresRefused(403,
                "party.organization.events", "{\"type\":\"urn:chibo:problem:forbidden\"}"));

        var refused = mvc.perform(get("/dead-letters").with(provinceReader())).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Không có quyền xem")
                .doesNotContain("bản ghi lỗi");
    }
}
