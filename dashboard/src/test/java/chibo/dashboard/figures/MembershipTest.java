package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the dashboard asks of membership-service for a due list, and how it reads the answer and a refusal. */
class MembershipTest {

    private MockRestServiceServer server;
    private Membership membership;

    @BeforeEach
    void client() {
        RestClient.Builder builder = RestClient.builder();
        server = MockRestServiceServer.bindTo(builder).build();
        membership = new Membership(builder, new DashboardProperties("http://reporting", "http://membership", "TW",
                null, null));
    }

    @Test
    void the_whole_due_list_is_asked_for_with_the_readers_token_and_read_with_its_dates() {
        server.expect(requestTo("http://membership/organizations/TQ-MQ/due-list"))
                .andExpect(header("Authorization", "Bearer tok"))
                .andRespond(withSuccess("""
                        {"orgId":"TQ-MQ","asOf":"2026-12-06","cells":4,"items":[{"memberId":"TQ-MQ-NT-007",
                        "fullName":"Hoàng Thị Mai","cellId":"TQ-MQ-NT","cellName":"Chi bộ thôn Nà Tông",
                        "kind":"PROBATION_ENDING","since":"2026-10-01","deadline":"2026-11-20","state":"OVERDUE"}]}""",
                        MediaType.APPLICATION_JSON));

        DueList due = membership.dueList("tok", "TQ-MQ", null, false);

        server.verify();
        assertThat(due.cells()).isEqualTo(4);
        assertThat(due.items().getFirst().deadline()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(due.items().getFirst().overdue()).isTrue();
    }

    @Test
    void a_kind_and_overdue_only_go_as_parameters_and_a_refusal_names_the_organisation() {
        server.expect(requestTo("http://membership/organizations/HG/due-list?kind=IN_TRANSIT&overdueOnly=true"))
                .andRespond(withStatus(HttpStatus.FORBIDDEN).body("{\"detail\":\"outside your subtree\"}"));

        assertThatThrownBy(() -> membership.dueList("tok", "HG", "IN_TRANSIT", true))
                .isInstanceOfSatisfying(FiguresRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.orgId()).isEqualTo("HG");
                });
        server.verify();
    }
}
