package chibo.reporting;

import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of every figure into a new projection version from offset zero, while the live version keeps serving:
 * queries run all the time and none fails, the new version catches up with equal totals, the switch is atomic.
 */
class ProjectionRebuildTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void a_rebuild_catches_up_beside_the_live_version_and_the_switch_loses_no_query() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String province = "RB-" + suffix;
        String auditor = TestTokens.auditor();
        String operator = TestTokens.operator();
        int[] figures = history(province);
        int admitted = figures[0];
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(http.get("/organizations/" + province + "/counts", auditor).json().get("counters")
                    .get("flow.admitted").asLong()).isEqualTo(admitted);
            assertThat(http.get("/organizations/" + province + "/summary?asOf=2024-12-31", auditor).json()
                    .get("members").get("total").asLong()).isEqualTo(figures[1]);
        });
        JsonNode before = http.get("/organizations/" + province + "/summary?asOf=2024-12-31", auditor).json();
        String liveBefore = http.get("/projections", auditor).json().get("live").asString();

        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger queries = new AtomicInteger();
        AtomicBoolean querying = new AtomicBoolean(true);
        Thread reader = Thread.ofVirtual().start(() -> {
            while (querying.get()) {
                for (String path : List.of("/organizations/" + province + "/summary",
                        "/organizations/" + province + "/counts",
                        "/organizations/" + province + "/series?metric=flow.admitted&from=2016-01&to=2024-12")) {
                    Http.Response response = http.get(path, auditor);
                    queries.incrementAndGet();
                    if (response.status() != 200) {
                        failures.add(path + " -> " + response);
                    }
                }
            }
        });

        String version = "v-rb-" + suffix;
        Http.Response started = http.post("/projections/rebuilds", operator, Map.of("version", version));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isEqualTo("BUILDING");

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode progress = http.get("/projections/" + version, auditor).json();
            assertThat(progress.get("caughtUp").asBoolean()).as(progress.toString()).isTrue();
        });
        JsonNode progress = http.get("/projections/" + version, auditor).json();
        assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong());
        long liveInterval = http.get("/projections/" + liveBefore, auditor).json().get("commitIntervalMs").asLong();
        assertThat(progress.get("commitIntervalMs").asLong()).as("a version being built commits less often")
                .isGreaterThan(liveInterval);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/projections/" + version
                + "/differences", auditor).json()).isEmpty());
        // built in one pass and handed to its topology, which goes on from each member's facts as handed over
        JsonNode onePass = progress.get("onePass");
        assertThat(onePass.get("handedOver").asBoolean()).as(onePass.toString()).isTrue();
        assertThat(onePass.get("events").asLong()).isGreaterThanOrEqualTo(admitted);
        long recognisedBefore = http.get("/organizations/" + province + "/counts", auditor).json().get("counters")
                .get("flow.recognized").asLong();
        String probationer = province + "-m1";
        publisher.publish(probationer, LocalDate.of(2025, 8, 1), province + "-C0",
                new MemberRecognized(LocalDate.of(2025, 8, 1), null, null));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(http.get("/organizations/" + province + "/counts", auditor).json().get("counters")
                    .get("flow.recognized").asLong()).isEqualTo(recognisedBefore + 1);
            assertThat(http.get("/projections/" + version + "/differences", auditor).json()).isEmpty();
        });

        Http.Response switched = http.post("/projections/" + version + "/switch", operator, Map.of());
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("from").asString()).isEqualTo(liveBefore);
        int afterSwitch = queries.get();
        await().atMost(PATIENCE).until(() -> queries.get() > afterSwitch + 30);
        querying.set(false);
        reader.join();

        assertThat(failures).isEmpty();
        assertThat(http.get("/projections", auditor).json().get("live").asString()).isEqualTo(version);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/projections/" + version, auditor).json()
                .get("commitIntervalMs").asLong()).as("once live, at the live version's interval")
                .isEqualTo(liveInterval));
        JsonNode after = http.get("/organizations/" + province + "/summary?asOf=2024-12-31", auditor).json();
        assertThat(after.get("members")).isEqualTo(before.get("members"));
        assertThat(after.get("byAgeBand")).isEqualTo(before.get("byAgeBand"));

        // the operator's rebuild and switch are on the trail, with the figures before and after: the same figures
        List<JsonNode> trail = actions(version, auditor);
        assertThat(trail).extracting(action -> action.get("action").asString()).containsExactly("REBUILD", "SWITCH");
        assertThat(trail).allSatisfy(action -> assertThat(action.get("by").asString()).isEqualTo("operator"));
        JsonNode switchAction = trail.get(1);
        assertThat(switchAction.get("liveBefore").asString()).isEqualTo(liveBefore);
        assertThat(switchAction.get("liveAfter").asString()).isEqualTo(version);
        assertThat(switchAction.get("figuresBefore").asString()).matches("[0-9a-f]{64}")
                .isEqualTo(switchAction.get("figuresAfter").asString());
        assertThat(Instant.parse(switchAction.get("at").asString()))
                .isAfterOrEqualTo(Instant.parse(trail.get(0).get("at").asString()));

        // the new live version goes on folding what arrives
        publisher.publish(province + "-late", LocalDate.of(2025, 9, 1), province + "-C0",
                admission(province + "-C0", new Random(1)));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> http.get("/organizations/" + province + "/counts",
                auditor).json().get("counters").get("flow.admitted").asLong() == admitted + 1);
    }

    @Test
    void rebuilds_and_switches_refuse_what_cannot_be_done_and_a_version_not_live_can_be_dropped() {
        String auditor = TestTokens.auditor();
        String operator = TestTokens.operator();
        String live = http.get("/projections", auditor).json().get("live").asString();
        int liveActions = actions(live, auditor).size();

        Http.Response badName = http.post("/projections/rebuilds", operator, Map.of("version", "V 2!"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(http.post("/projections/rebuilds", operator, Map.of("version", live)).status()).isEqualTo(409);
        assertThat(http.post("/projections/" + live + "/switch", operator, Map.of()).status()).isEqualTo(409);
        assertThat(http.send("DELETE", "/projections/" + live, operator, null, Map.of()).status()).isEqualTo(409);
        assertThat(http.get("/projections/v-none", auditor).status()).isEqualTo(404);
        assertThat(actions(live, auditor)).as("refused actions leave no trace").hasSize(liveActions);
        assertThat(http.get("/projections", TestTokens.reader("TW")).status()).isEqualTo(403);
        assertThat(http.get("/projections", null).status()).isEqualTo(401);

        String spare = "v-spare-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(http.post("/projections/rebuilds", operator, Map.of("version", spare)).status()).isEqualTo(202);
        assertThat(http.send("DELETE", "/projections/" + spare, operator, null, Map.of()).status()).isEqualTo(204);
        assertThat(http.get("/projections/" + spare, auditor).json().get("state").asString()).isEqualTo("DROPPED");
        assertThat(http.post("/projections/" + spare + "/switch", operator, Map.of()).status()).isEqualTo(409);
        assertThat(http.get("/projections", auditor).json().get("live").asString()).isEqualTo(live);
        List<JsonNode> trail = actions(spare, auditor);
        assertThat(trail).extracting(action -> action.get("action").asString()).containsExactly("REBUILD", "DROP");
        assertThat(trail.get(1).get("figuresBefore").asString()).matches("[0-9a-f]{64}");
        assertThat(trail.get(1).get("figuresAfter").isNull()).isTrue();
        assertThat(trail.get(1).get("liveAfter").asString()).isEqualTo(live);
        assertThat(http.get("/projections/actions", TestTokens.reader("TW")).status()).isEqualTo(403);
        assertThat(http.get("/projections/actions", operator).status()).isEqualTo(200);
    }

    private List<JsonNode> actions(String version, String token) {
        Http.Response response = http.get("/projections/actions", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        response.json().forEach(action -> {
            if (action.get("version").asString().equals(version)) {
                found.add(action);
            }
        });
        return found;
    }

    @Test
    void the_auditor_reads_projections_but_only_the_operator_rebuilds_switches_or_drops_them() {
        String auditor = TestTokens.auditor();
        String operator = TestTokens.operator();
        String live = http.get("/projections", auditor).json().get("live").asString();
        String tried = "v-by-auditor-" + UUID.randomUUID().toString().substring(0, 6);

        Http.Response rebuild = http.post("/projections/rebuilds", auditor, Map.of("version", tried));
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(403);
        assertThat(rebuild.json().get("type").asString()).isEqualTo("urn:chibo:problem:forbidden");
        assertThat(http.post("/projections/" + live + "/switch", auditor, Map.of()).status()).isEqualTo(403);
        assertThat(http.send("DELETE", "/projections/" + live, auditor, null, Map.of()).status()).isEqualTo(403);
        assertThat(http.post("/projections/rebuilds", TestTokens.writer("TW"), Map.of("version", tried)).status())
                .isEqualTo(403);

        assertThat(http.get("/projections/" + tried, operator).status()).as("nothing was started").isEqualTo(404);
        assertThat(http.get("/projections", operator).json().get("live").asString()).isEqualTo(live);
        assertThat(http.get("/projections/" + live, auditor).status()).isEqualTo(200);
        assertThat(http.get("/projections/" + live + "/differences", auditor).status()).isEqualTo(200);
        // the operator runs the figures; it neither reads them by organisation nor anyone's history
        assertThat(http.get("/organizations/TW/counts", operator).status()).isEqualTo(403);
        assertThat(http.get("/audit/members/anyone/history", operator).status()).isEqualTo(403);
    }

    /**
     * A province of 3 communes and 9 cells, 2016–2024: admissions, recognitions, expulsions, a move.
     *
     * @return members admitted, and members at the end of 2024 as counted here
     */
    private int[] history(String province) {
        LocalDate founded = LocalDate.of(2015, 1, 1);
        publisher.publish(province, founded, province, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE,
                null));
        for (int c = 0; c < 3; c++) {
            publisher.publish(province + "-X" + c, founded, province, new OrganizationRegistered("Xã " + c,
                    OrgLevel.COMMUNE, province));
        }
        for (int k = 0; k < 9; k++) {
            publisher.publish(province + "-C" + k, founded, province + "-X" + (k % 3),
                    new OrganizationRegistered("Chi bộ " + k, OrgLevel.CELL, province + "-X" + (k % 3)));
        }
        Random random = new Random(7);
        int admitted = 600;
        int atEndOf2024 = 0;
        for (int i = 0; i < admitted; i++) {
            String member = province + "-m" + i;
            String cell = province + "-C" + random.nextInt(9);
            LocalDate on = LocalDate.of(2016 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
            publisher.publishLater(member, on, cell, admission(cell, random));
            if (i % 3 == 0) {
                publisher.publishLater(member, on.plusYears(1), cell, new MemberRecognized(on.plusYears(1), null,
                        null));
            }
            LocalDate expelled = on.plusYears(1).plusDays(3);
            if (i % 25 == 0) {
                publisher.publishLater(member, expelled, province, new MemberExpelled("vi phạm"));
            }
            if (i % 25 != 0 || expelled.getYear() > 2024) {
                atEndOf2024++;
            }
        }
        publisher.flush();
        publisher.publish(province + "-C8", LocalDate.of(2025, 7, 1), province,
                new OrganizationMoved(province + "-X0", province + "-X2"));
        return new int[] {admitted, atEndOf2024};
    }

    private static MemberAdmitted admission(String cell, Random random) {
        return new MemberAdmitted(new Person("Đảng viên", LocalDate.of(1960 + random.nextInt(40), 3, 1),
                random.nextBoolean() ? Sex.MALE : Sex.FEMALE, random.nextInt(4) == 0 ? "Dao" : "Kinh",
                Education.UNIVERSITY, null), cell, null, new Vote(9, 0, 0, 9), List.of(), true, null);
    }
}
