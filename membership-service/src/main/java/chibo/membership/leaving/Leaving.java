package chibo.membership.leaving;

import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberRemoved;
import chibo.membership.member.MemberDecisionFacts;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.rules.Command;
import chibo.platform.security.Caller;
import org.springframework.stereotype.Service;

/** The ends of a membership: removal from the rolls, letting go, expulsion, death. */
@Service
public class Leaving {

    private final MemberDecisions decisions;

    Leaving(MemberDecisions decisions) {
        this.decisions = decisions;
    }

    public MemberView remove(Caller caller, String memberId, Long version, LeavingRequests.Removal request) {
        return decisions.decide(caller, memberId, version, request, "be removed", Transitions.ACTIVE,
                Command.REMOVAL, context -> facts(context, request.decisionDate(), null),
                context -> new MemberRemoved(request.ground(), request.details(), request.cellResolutionDate()));
    }

    public MemberView letGo(Caller caller, String memberId, Long version, LeavingRequests.LetGo request) {
        return decisions.decide(caller, memberId, version, request, "be let go", Transitions.ACTIVE, Command.LET_GO,
                context -> facts(context, request.decisionDate(), request.ground()),
                context -> new MemberLetGo(request.ground(), request.details()));
    }

    public MemberView expel(Caller caller, String memberId, Long version, LeavingRequests.Expulsion request) {
        return decisions.decide(caller, memberId, version, request, "be expelled", Transitions.ACTIVE,
                Command.EXPULSION, context -> facts(context, request.decisionDate(), null),
                context -> new MemberExpelled(request.reason()));
    }

    public MemberView recordDeath(Caller caller, String memberId, Long version, LeavingRequests.Death request) {
        return decisions.decide(caller, memberId, version, request, "be recorded as deceased", Transitions.ACTIVE,
                Command.DEATH, context -> facts(context, request.dateOfDeath(), null),
                context -> new MemberDeceased(request.note()));
    }

    private static MemberDecisionFacts facts(MemberDecisions.Context context, java.time.LocalDate decisionDate,
                                             LetGoGround ground) {
        return new MemberDecisionFacts(context.statusOnDate(), null, ground, context.member().ratings(),
                decisionDate, context.decidingOrg().level(), context.decidedInLine(), context.today());
    }
}
