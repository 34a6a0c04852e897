package chibo.reporting;

import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.testsupport.AuthorizationMatrix;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of reporting-service's OpenAPI description, called without a token and with each role alone: the
 * answer is what the description's {@code x-chibo-roles} says, so the description is the service's access rules.
 */
class AuthorizationMatrixTest extends ReportingComponentTest {

    @Test
    void every_operation_admits_exactly_the_roles_its_description_declares() {
        List<AuthorizationMatrix.Cell> cells = AuthorizationMatrix.run(http, "TW", Map.of(
                "orgId", "TW", "id", "TW", "cellId", "TW", "memberId", "m-matrix", "subjectId", "m-matrix",
                "version", "v-matrix-none", "topic", "party.membership.events", "partition", "0", "offset", "0"));

        System.out.println("authorisation matrix: " + cells.size() + " calls over "
                + cells.stream().map(cell -> cell.method() + " " + cell.path()).distinct().count() + " operations");
        assertThat(cells.stream().map(cell -> cell.method() + " " + cell.path()).distinct())
                .contains("GET /organizations/{orgId}/summary", "POST /projections/rebuilds",
                        "GET /audit/events/{eventId}", "GET /reports/{sha256}");
        assertThat(cells).filteredOn(cell -> !cell.holds()).isEmpty();
        assertThat(cells).filteredOn(cell -> cell.path().equals("/projections/rebuilds") && cell.status() == 403)
                .extracting(AuthorizationMatrix.Cell::role).as("only the operator rebuilds")
                .containsExactlyInAnyOrder("agency-writer", "dashboard-reader", "auditor", "data-protection",
                        "metrics-reader");
    }

    @Test
    void a_reader_or_writer_of_one_commune_is_refused_every_figure_of_its_province_and_of_another_province() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String province = "AZ-" + suffix;
        String commune = province + "-X1";
        String otherProvince = "AY-" + suffix;
        LocalDate founded = LocalDate.parse("2015-01-01");
        publisher.publish(province, founded, province, new OrganizationRegistered("Tỉnh ủy A", OrgLevel.PROVINCE,
                null));
        publisher.publish(commune, founded, province, new OrganizationRegistered("Đảng bộ xã A1", OrgLevel.COMMUNE,
                province));
        publisher.publish(otherProvince, founded, otherProvince, new OrganizationRegistered("Tỉnh ủy B",
                OrgLevel.PROVINCE, null));
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> List.of(province, commune, otherProvince)
                .stream().allMatch(org -> http.get("/organizations/" + org + "/summary", TestTokens.auditor())
                        .status() == 200));
        assertThat(http.get("/organizations/" + commune + "/summary", TestTokens.reader(commune)).status())
                .as("the commune's own figures").isEqualTo(200);

        List<AuthorizationMatrix.Cell> cells = new ArrayList<>();
        for (String role : List.of("dashboard-reader", "agency-writer")) {
            for (String outside : List.of(province, otherProvince)) {
                cells.addAll(AuthorizationMatrix.runOutsideSubtree(http, role, commune, outside,
                        Set.of("orgId", "id", "cellId"), Map.of("version", "v-matrix-none")));
            }
        }

        assertThat(cells).extracting(cell -> cell.method() + " " + cell.path())
                .contains("GET /organizations/{orgId}/summary", "GET /organizations/{orgId}/statistics.csv");
        assertThat(cells).filteredOn(cell -> !cell.holds()).isEmpty();
    }
}
