package chibo.membership.bulk;

import chibo.membership.member.MemberState;
import chibo.membership.organization.Organizations;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * An import runner over the service's real commands and stores, in which one member's line fails in an unexpected
 * way after its command has decided (as a bug or a broken store would): for tests that an import goes on.
 */
public final class FailingLineImports {

    private FailingLineImports() {
    }

    /** Runs every line as the service does; the lines of {@code failingMemberId} throw once their command ran. */
    public static ImportJobs create(MongoTemplate mongo, LineCommands real, AggregateStore<MemberState> members,
                                    Organizations organisations, SubtreeGuard guard, JsonMapper json,
                                    Clock clock, String failingMemberId) {
        LineCommands failing = new LineCommands(json, null, null, null, null, null, null, null, null, null, null, null) {
            @Override
            public Object run(Caller caller, ParsedLine line) {
                Object outcome = real.run(caller, line);
                if (failingMemberId.equals(line.memberId())) {
                    throw new IllegalStateException("failed after deciding " + line.command());
                }
                return outcome;
            }
        };
        return new ImportJobs(mongo, failing, members, organisations, guard, json, clock, DataSize.ofMegabytes(16));
    }
}
