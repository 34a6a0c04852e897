package chibo.membership;

import chibo.membership.bulk.FailingLineImports;
import chibo.membership.bulk.ImportJob;
import chibo.membership.bulk.ImportJobs;
import chibo.membership.bulk.LineCommands;
import chibo.membership.member.MemberState;
import chibo.membership.organization.Organizations;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import of history from 1930 on always finishes with exact counts: old dates are decided by the rules, a date
 * outside the calendar is rejected with its problem, and a line that fails unexpectedly is rejected alone, with
 * nothing of it stored, while the lines around it in the same unit of work are stored and counted.
 */
class HistoricImportTest extends MembershipComponentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    LineCommands commands;
    @Autowired
    AggregateStore<MemberState> members;
    @Autowired
    Organizations organisations;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;
    @Autowired
    SubtreeGuard guard;

    private final Map<Integer, List<Map<String, Object>>> elders = new java.util.HashMap<>();

    /** An admission line with every date in {@code year}'s era, introduced by members official then. */
    private String admit(Requests.Tree tree, String memberId, int year) {
        var admission = tree.admissionIn(year).memberId(memberId);
        if (year >= 1930 && year < 2016) {
            admission.with("introducers", elders.computeIfAbsent(year, y -> tree.introducersOfficialIn(http, y)));
        }
        Map<String, Object> body = new LinkedHashMap<>(admission.build());
        body.put("command", "admit");
        return JSON.writeValueAsString(body);
    }

    private static String swearIn(String memberId, String date) {
        return JSON.writeValueAsString(Map.of("command", "swear-in", "memberId", memberId, "ceremonyDate", date));
    }

    @Test
    void a_history_from_1925_to_2099_with_a_failing_line_finishes_with_exact_counts() throws Exception {
        Requests.Tree tree = Requests.Tree.create(http);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String in1925 = "m1925-" + suffix;
        String in1930 = "m1930-" + suffix;
        String in2010 = "m2010-" + suffix;
        String in2099 = "m2099-" + suffix;
        String failing = "mboom-" + suffix;
        List<String> lines = new ArrayList<>(List.of(
                admit(tree, in1925, 1925),
                admit(tree, in1930, 1930),
                swearIn(in1930, "1930-04-07"),
                admit(tree, failing, 2010),
                admit(tree, in2010, 2010),
                swearIn(in2010, "2010-04-05"),
                admit(tree, in2099, 2099)));
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Caller caller = new Caller("agency-" + tree.province(), Set.of(Roles.AGENCY_WRITER), tree.province());
        ImportJobs jobs = FailingLineImports.create(mongo, commands, members, organisations, guard, json, clock,
                failing);
        jobs.start();
        try {
            String jobId = jobs.create(caller, new ByteArrayInputStream(file)).id();
            await().atMost(Duration.ofMinutes(2)).until(() -> jobs.find(caller, jobId).orElseThrow().state()
                    != ImportJob.State.RUNNING && jobs.find(caller, jobId).orElseThrow().state() != ImportJob.State.QUEUED);
            ImportJob job = jobs.find(caller, jobId).orElseThrow();
            Map<Long, Document> results = new LinkedHashMap<>();
            jobs.results(jobId, result -> results.put(result.getLong("line"), result));

            assertThat(job.state()).isEqualTo(ImportJob.State.DONE);
            assertThat(job.total()).isEqualTo(7);
            assertThat(job.accepted()).isEqualTo(4);
            assertThat(job.rejected()).isEqualTo(3);
            assertThat(job.accepted() + job.duplicate() + job.rejected()).isEqualTo(job.total());
            assertThat(results).hasSize(7);
            assertThat(results.values()).extracting(r -> r.getString("status")).containsExactly(
                    "REJECTED", "ACCEPTED", "ACCEPTED", "REJECTED", "ACCEPTED", "ACCEPTED", "REJECTED");

            Document problem1925 = results.get(1L).get("problem", Document.class);
            assertThat(problem1925.getString("type")).isEqualTo("urn:chibo:problem:rule:date.within-calendar");
            assertThat(problem1925.getList("errors", Document.class).getFirst().getString("field"))
                    .isEqualTo("decisionDate");
            Document problemFailing = results.get(4L).get("problem", Document.class);
            assertThat(problemFailing.getString("type")).isEqualTo("urn:chibo:problem:internal-error");
            assertThat(problemFailing.getInteger("status")).isEqualTo(500);
            assertThat(results.get(7L).get("problem", Document.class).getString("type"))
                    .as("2099 is in the calendar; the rules refuse a decision dated after today")
                    .isEqualTo("urn:chibo:problem:rule:decision.not-in-future");
        } finally {
            jobs.stop();
        }

        String writer = TestTokens.writer(tree.province());
        JsonNode member1930 = http.get("/members/" + in1930, writer).json();
        assertThat(member1930.get("admittedOn").asString()).isEqualTo("1930-03-20");
        assertThat(member1930.get("swornInOn").asString()).isEqualTo("1930-04-07");
        assertThat(http.get("/members/" + in2010, writer).json().get("version").asLong()).isEqualTo(2);
        assertThat(http.get("/members/" + failing, writer).status()).as("nothing of the failing line stored")
                .isEqualTo(404);
        assertThat(http.get("/members/" + in1925, writer).status()).isEqualTo(404);
    }
}
