package chibo.reporting;

import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LiveCountsTest extends ReportingComponentTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

    private String[] tree() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String province = "P-" + suffix;
        String grassroots = "G-" + suffix;
        String cell = "C-" + suffix;
        publisher.publish(province, DAY, province, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE, null));
        publisher.publish(grassroots, DAY, province, new OrganizationRegistered("Đảng bộ", OrgLevel.GRASSROOTS,
                province));
        publisher.publish(cell, DAY, grassroots, new OrganizationRegistered("Chi bộ", OrgLevel.CELL, grassroots));
        return new String[] {province, grassroots, cell};
    }

    private void admit(String memberId, String cell) {
        publisher.publish(memberId, DAY, cell, new MemberAdmitted(new Person("Đinh Thị Lan",
                LocalDate.of(1994, 2, 2), Sex.FEMALE, "Mường", Education.COLLEGE, null), cell, DAY.minusDays(5),
                new Vote(8, 0, 0, 8), List.of(), true, null));
    }

    private Http.Response counts(String orgId, String token) {
        return http.get("/organizations/" + orgId + "/counts", token);
    }

    @Test
    void admitted_members_show_up_in_the_counts_of_the_cell_and_every_ancestor() {
        String[] tree = tree();
        String reader = TestTokens.reader(tree[0]);
        String member = "m-" + UUID.randomUUID();
        admit(member, tree[2]);
        admit("m-" + UUID.randomUUID(), tree[2]);
        publisher.publish(member, DAY.plusYears(1), tree[1], new MemberRecognized(DAY.plusYears(1), null, null));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String org : tree) {
                Http.Response response = counts(org, reader);
                assertThat(response.status()).as(org + ": " + response.body()).isEqualTo(200);
                assertThat(response.json().get("members").get("total").asLong()).as(org).isEqualTo(2);
                assertThat(response.json().get("members").get("official").asLong()).as(org).isEqualTo(1);
                assertThat(response.json().get("members").get("probationary").asLong()).as(org).isEqualTo(1);
            }
        });
    }

    @Test
    void counts_need_a_token_and_readers_see_only_their_subtree() {
        String[] tree = tree();
        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(tree)
                .allMatch(org -> counts(org, TestTokens.auditor()).status() == 200));

        assertThat(counts(tree[2], null).status()).isEqualTo(401);
        assertThat(counts(tree[2], TestTokens.reader(tree[1])).status()).isEqualTo(200);
        assertThat(counts(tree[0], TestTokens.reader(tree[1])).status()).isEqualTo(403);
        assertThat(counts(tree[2], TestTokens.reader("another-province")).status()).isEqualTo(403);
    }

    @Test
    void an_unknown_organisation_is_not_found() {
        Http.Response response = counts("nowhere-" + UUID.randomUUID(), TestTokens.auditor());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:chibo:problem:not-found");
    }

    @Test
    void freshness_and_consumer_lag_are_published_for_prometheus() {
        String[] tree = tree();
        admit("m-" + UUID.randomUUID(), tree[2]);
        String metricsReader = TestTokens.token("prometheus", List.of("metrics-reader"), null);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Response metrics = http.get("/actuator/prometheus", metricsReader);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("chibo_projection_freshness_seconds{")
                    .contains("chibo_projection_lag{").contains("topic=\"party.membership.events\"");
        });
        assertThat(http.get("/actuator/prometheus", TestTokens.auditor()).status()).isEqualTo(403);
    }

    @Test
    void the_topology_reports_healthy() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Response health = http.get("/actuator/health", null);
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().get("components").get("projections").get("status").asString())
                    .isEqualTo("UP");
        });
    }

    @Test
    void every_figure_response_says_up_to_when_it_counts_and_how_much_waits() {
        String[] tree = tree();
        String reader = TestTokens.reader(tree[0]);
        admit("m-" + UUID.randomUUID(), tree[2]);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Response response = counts(tree[0], reader);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("members").get("total").asLong()).isEqualTo(1);
            Instant countedTo = Instant.parse(response.json().get("lastRecordedAt").asString());
            assertThat(Instant.parse(response.header("Figures-Current-To"))).isAfterOrEqualTo(countedTo);
            assertThat(Long.parseLong(response.header("Figures-Lag"))).isNotNegative();
            assertThat(response.header("Figures-State")).isEqualTo("CURRENT");
        });
        Http.Response csv = http.get("/organizations/" + tree[0] + "/statistics.csv?from=2025-01&to=2025-12",
                reader);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Figures-State")).isEqualTo("CURRENT");

        Http.Response anonymous = counts(tree[0], null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Figures-State")).as("said only to callers let in").isNull();
    }

    @Test
    void the_instance_is_ready_once_its_figures_are_current() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Response readiness = http.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.json().get("components").get("figures").get("status").asString())
                    .isEqualTo("UP");
            assertThat(readiness.json().get("components").get("projections").get("status").asString())
                    .isEqualTo("UP");
        });
    }
}
