package chibo.membership.standing;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberRated;
import chibo.membership.member.MemberState;
import chibo.platform.projection.SubjectProjection;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link RatingTally} from the membership topic. It rides on the read models' fold of each member's
 * state (one fold, one consumer, instead of a second copy of every member): a rating is counted in the grassroots
 * organisation of the cell the member was in when rated. Counting is by member id, so a redelivery or a rating
 * this instance counted when it stored it changes nothing.
 */
@Component
class RatingTallyProjection implements SubjectProjection.SideEffects<MemberState> {

    private final RatingTally tally;

    RatingTallyProjection(RatingTally tally) {
        this.tally = tally;
    }

    @Override
    public void apply(MemberState before, MemberState after, EventEnvelope event) {
        if (event.payload() instanceof MemberRated rated) {
            tally.count(tally.organizationOf(after.cellId()), rated.year(), event.subject(), rated.level());
        }
    }
}
