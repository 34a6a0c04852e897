package chibo.membership.correction;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberCorrected;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.rules.Command;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Corrections and upheld appeals: a compensating event that names the event it reverses; history is never
 * changed. Reversing the decision that set the member's status restores the status before it.
 */
@Service
public class Corrections {

    private final MemberDecisions decisions;
    private final AggregateStore<MemberState> members;

    Corrections(MemberDecisions decisions, AggregateStore<MemberState> members) {
        this.decisions = decisions;
        this.members = members;
    }

    public MemberView correct(Caller caller, String memberId, Long version, CorrectionRequest request) {
        // history is append-only: the event at a seq never changes, so it can be read before the command runs
        Optional<EventEnvelope> corrected = members.event(memberId, request.correctedSeq());
        return decisions.decide(caller, memberId, version, request, "be corrected", Transitions.EXISTS,
                Command.CORRECTION,
                context -> new CorrectionFacts(request.kind(), request.correctedSeq(),
                            corrected.map(EventEnvelope::type).orElse(null), request.correctedEventId(),
                            corrected.map(EventEnvelope::id).orElse(null),
                            corrected.map(EventEnvelope::effectiveDate).orElse(null), request.appealFiledOn(),
                        request.decisionDate(), context.decidingOrg().level(), context.decidedInLine(),
                        context.today(), request.decisionReceivedOn()),
                context -> new MemberCorrected(request.correctedEventId(), request.correctedSeq(),
                        corrected.orElseThrow().type(), request.kind(), request.reason()));
    }
}
