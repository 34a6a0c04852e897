package chibo.reporting;

import chibo.testsupport.AuthorizationMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
