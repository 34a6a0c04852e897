package chibo.membership.standing;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberRated;
import chibo.membership.member.MemberLifecycle;
import chibo.membership.member.MemberState;
import chibo.platform.projection.SubjectProjection;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link RatingTally} from the membership topic: each member's state is folded (in
 * {@code tally_members}) so that a rating is counted in the grassroots organisation of the cell the member was in
 * when rated.
 */
@Component
class RatingTallyProjection {

    private final SubjectProjection<MemberState> members;
    private final RatingTally tally;

    RatingTallyProjection(MongoTemplate mongo, MeterRegistry meters, RatingTally tally) {
        this.members = new SubjectProjection<>(mongo.getDb(), "tally_members", MemberState.class,
                MemberLifecycle::apply, meters);
        this.tally = tally;
    }

    SubjectProjection.Outcome accept(EventEnvelope event) {
        return members.accept(event, (before, after, e) -> {
            if (e.payload() instanceof MemberRated rated) {
                tally.count(tally.organizationOf(after.cellId()), rated.year(), e.subject(), rated.level());
            }
        });
    }
}
