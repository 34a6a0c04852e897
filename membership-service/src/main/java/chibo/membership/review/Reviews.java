package chibo.membership.review;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.contracts.member.MemberReviewClosed;
import chibo.contracts.member.ReviewKind;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.rules.Command;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.web.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.List;

/**
 * Reviews of a member's case before their cell: opened by facts (unexcused absences reported by meeting-service,
 * two years rated "không hoàn thành"), closed by the cell keeping the member, or by the removal or letting go it
 * led to.
 */
@Service
public class Reviews {

    private static final Logger log = LoggerFactory.getLogger(Reviews.class);

    private final AggregateStore<MemberState> members;
    private final MemberDecisions decisions;
    private final MeterRegistry meters;

    Reviews(AggregateStore<MemberState> members, MemberDecisions decisions, MeterRegistry meters) {
        this.members = members;
        this.decisions = decisions;
        this.meters = meters;
    }

    /**
     * Opens a removal review for the absences meeting-service reported, caused by its event and correlated with
     * it, recorded by the reporting cell. A repeat of the same report, a member who has left, a basis opened before
     * or a removal review already open: nothing is appended.
     *
     * @throws UnknownMember when the member was never recorded here
     */
    void openForAbsences(EventEnvelope cause, MemberAbsenceThresholdReached reached) {
        var result = members.execute(reached.memberId(), current -> {
            if (!current.exists()) {
                throw new UnknownMember(reached.memberId(), cause.id().toString());
            }
            return ReviewOpenings.afterAbsences(current.state(), reached)
                    .map(review -> List.of(new EventDraft(reached.memberId(), cause.effectiveDate(), cause.subject(),
                            null, cause.correlationId(), cause.id(), review)))
                    .orElse(List.of());
        });
        if (result.events().isEmpty()) {
            log.info("no removal review for member {} from meeting event {}: {}", reached.memberId(), cause.id(),
                    ReviewOpenings.refusal(result.current().state(), ReviewKind.REMOVAL,
                            ReviewOpenings.absenceBasis(reached)));
            meters.counter("chibo.reviews.not-opened", "kind", ReviewKind.REMOVAL.name()).increment();
            return;
        }
        meters.counter("chibo.reviews.opened", "kind", ReviewKind.REMOVAL.name()).increment();
    }

    /** The cell considered the case and kept the member. */
    public MemberView close(Caller caller, String memberId, String kindName, Long version,
                            ReviewRequests.Closure request) {
        ReviewKind kind = kind(kindName);
        return decisions.decide(caller, memberId, version, request, "have a review closed",
                Transitions.reviewOpen(kind), Command.REVIEW_CLOSURE,
                context -> new ReviewClosureFacts(kind, context.member().openReview(kind).orElseThrow().openedOn(),
                        request.decisionDate(), context.decidingOrg().level(), context.decidedInLine(),
                        context.today()),
                context -> new MemberReviewClosed(kind, context.member().openReview(kind).orElseThrow().basis(),
                        request.reason().strip()));
    }

    private static ReviewKind kind(String name) {
        return Arrays.stream(ReviewKind.values()).filter(kind -> kind.name().equals(name)).findFirst()
                .orElseThrow(() -> Problems.invalid("kind", "one-of", "a review is one of "
                        + Arrays.toString(ReviewKind.values()) + ", not '" + name + "'"));
    }
}
