package chibo.system;

import chibo.localstack.LocalStack;
import chibo.localstack.StackConfig;
import chibo.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping and starting the whole stack on the same data keeps every fact and every figure: nothing is lost and
 * nothing that is delivered again (at least once) counts twice.
 */
class RestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void a_restarted_stack_keeps_its_data_and_its_counts_stay_exact() {
        StackConfig config = Stacks.persistent(dataDir);
        String cell = "TQ-CB-R";
        long versionBefore;
        try (LocalStack stack = LocalStack.start(config)) {
            Agency agency = new Agency(stack);
            EndToEndFlow.registerCentralAndProvince(agency);
            String writer = agency.provinceWriter();
            agency.register(writer, "TQ-XA-R", "Đảng bộ xã", "COMMUNE", "TQ");
            agency.register(writer, cell, "Chi bộ", "CELL", "TQ-XA-R");
            for (String member : List.of("r1", "r2")) {
                assertThat(agency.admit(writer, member, cell, "TQ-XA-R").status()).isEqualTo(201);
            }
            String dashboard = agency.nationalDashboard();
            // the two admitted and the cell's secretary who introduced them
            await().atMost(PATIENCE).until(() -> agency.members(dashboard, "TW") == 3);
            versionBefore = version(agency, dashboard, "TW");
        }

        try (LocalStack stack = LocalStack.start(config)) {
            Agency agency = new Agency(stack);
            String dashboard = agency.nationalDashboard();
            String writer = agency.provinceWriter();

            assertThat(agency.membership.get("/members/r1", writer).status()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> agency.members(dashboard, "TW") == 3);
            assertThat(agency.members(dashboard, cell)).isEqualTo(3);
            assertThat(version(agency, dashboard, "TW")).isEqualTo(versionBefore);

            assertThat(agency.admit(writer, "r3", cell, "TQ-XA-R").status()).isEqualTo(201);
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(agency.members(dashboard, "TW")).isEqualTo(4);
                assertThat(agency.members(dashboard, "TQ-XA-R")).isEqualTo(4);
                Http.Response roster = agency.meeting.get("/cells/" + cell + "/roster", writer);
                assertThat(roster.json().get("members").size()).isEqualTo(4);
            });
            assertThat(agency.register(writer, cell, "Chi bộ", "CELL", "TQ-XA-R").status())
                    .as("the organisation registered before the restart is still known").isEqualTo(409);
        }
    }

    private static long version(Agency agency, String token, String orgId) {
        return agency.reporting.get("/organizations/" + orgId + "/counts", token).json().get("version").asLong();
    }
}
