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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * With two instances, an import accepted by one that then dies is finished by the other while it keeps running:
 * nobody has to restart anything for the job to leave QUEUED or RUNNING.
 */
class ImportTakeOverTest extends MembershipComponentTest {

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

    @Test
    void an_import_left_by_an_instance_that_died_is_finished_by_a_live_instance_without_a_restart() {
        Requests.Tree tree = Requests.Tree.create(http);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> memberIds = List.of("mtake1-" + suffix, "mtake2-" + suffix);
        String file = String.join("\n", memberIds.stream().map(id -> admit(tree, id)).toList());
        Caller caller = new Caller("agency-take-" + suffix, Set.of(Roles.AGENCY_WRITER), tree.province());

        ImportJobs live = FailingLineImports.create(mongo, commands, members, organisations, guard, json, clock,
                "nobody");
        live.start();
        ImportJobs dying = FailingLineImports.create(mongo, commands, members, organisations, guard, json, clock,
                "nobody");
        dying.start();
        dying.stop();
        try {
            // the dying instance stores the file and the job, then is gone before it runs a line
            assertThatThrownBy(() -> dying.create(caller, new ByteArrayInputStream(
                    file.getBytes(StandardCharsets.UTF_8)))).isInstanceOf(RejectedExecutionException.class);
            Document job = mongo.getCollection("import_jobs").find(Filters.eq("owner", caller.subject())).first();
            assertThat(job).isNotNull();
            String jobId = job.getString("_id");
            // ... and as much time passes as it takes to tell a dead instance from a slow one
            mongo.getCollection("import_jobs").updateOne(Filters.eq("_id", jobId),
                    Updates.set("heartbeat", Date.from(Instant.now().minus(Duration.ofMinutes(5)))));

            await().atMost(Duration.ofSeconds(40)).until(() -> live.find(caller, jobId).orElseThrow().state()
                    == ImportJob.State.DONE);
            ImportJob done = live.find(caller, jobId).orElseThrow();
            assertThat(done.total()).isEqualTo(2);
            assertThat(done.accepted()).isEqualTo(2);
        } finally {
            live.stop();
        }
        String writer = TestTokens.writer(tree.province());
        for (String memberId : memberIds) {
            assertThat(http.get("/members/" + memberId, writer).status()).isEqualTo(200);
        }
    }

    private static String admit(Requests.Tree tree, String memberId) {
        Map<String, Object> body = new LinkedHashMap<>(tree.admissionIn(2020).memberId(memberId).build());
        body.put("command", "admit");
        return JSON.writeValueAsString(body);
    }
}
