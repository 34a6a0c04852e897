package chibo.membership.standing;

import chibo.contracts.member.MemberDisciplined;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRated;
import chibo.membership.member.MemberDecisionFacts;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.rules.Command;
import chibo.platform.security.Caller;
import org.springframework.stereotype.Service;

/** A member's standing: exemption from work and activity, discipline short of expulsion, the annual rating. */
@Service
public class Standing {

    private final MemberDecisions decisions;

    Standing(MemberDecisions decisions) {
        this.decisions = decisions;
    }

    public MemberView exempt(Caller caller, String memberId, Long version, StandingRequests.Exemption request) {
        return decisions.decide(caller, memberId, version, request, "be exempted", Transitions.NOT_EXEMPTED,
                Command.EXEMPTION, context -> facts(context, request.decisionDate(), null),
                context -> new MemberExempted(request.reason()));
    }

    public MemberView discipline(Caller caller, String memberId, Long version, StandingRequests.Discipline request) {
        return decisions.decide(caller, memberId, version, request, "be disciplined", Transitions.ACTIVE,
                Command.DISCIPLINE, context -> facts(context, request.decisionDate(), request.level()),
                context -> new MemberDisciplined(request.level(), request.reason(),
                        request.selfReportedAndRemedied()));
    }

    public MemberView rate(Caller caller, String memberId, Long version, StandingRequests.Rating request) {
        return decisions.decide(caller, memberId, version, request, "be rated", Transitions.ACTIVE, Command.RATING,
                context -> new RatingFacts(request.year(), request.level(), request.points(),
                        context.member().unremediedDisciplineYears().contains(request.year()),
                        context.member().ratings().containsKey(request.year()), context.member().admittedOn(),
                        request.decisionDate(), context.decidingOrg().level(), context.decidedInLine(),
                        context.today()),
                context -> new MemberRated(request.year(), request.level(), request.points()));
    }

    static MemberDecisionFacts facts(MemberDecisions.Context context, java.time.LocalDate decisionDate,
                                     chibo.contracts.member.DisciplineLevel level) {
        return new MemberDecisionFacts(context.member().status(), level, null, context.member().ratings(),
                decisionDate, context.decidingOrg().level(), context.decidedInLine(), context.today());
    }
}
