package chibo.membership.probation;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberSwornIn;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.rules.Command;
import chibo.membership.rules.Regulations;
import chibo.platform.security.Caller;
import org.springframework.stereotype.Service;

/** The ceremony, then recognition as an official member or the failure of probation. */
@Service
public class Probation {

    private final MemberDecisions decisions;
    private final Regulations regulations;
    private final RecognitionDeadlines deadlines;

    Probation(MemberDecisions decisions, Regulations regulations, WorkingDayCalendar calendar) {
        this.decisions = decisions;
        this.regulations = regulations;
        this.deadlines = new RecognitionDeadlines(regulations, calendar);
    }

    /** Probation starts on the ceremony's date and lasts 12 months. */
    public MemberView swearIn(Caller caller, String memberId, Long version, ProbationRequests.SwearingIn request) {
        return decisions.decide(caller, memberId, version, request, "be sworn in", Transitions.AWAITING_CEREMONY,
                Command.SWEARING_IN,
                context -> new ProbationFacts(request.ceremonyDate(), context.member().admittedOn(),
                        request.decisionReceivedOn() != null ? request.decisionReceivedOn()
                                : context.member().admittedOn(), null, null, context.decidingOrg().level(),
                        context.decidedInLine(), context.today()),
                context -> new MemberSwornIn(request.ceremonyDate().plusMonths(regulations.probationMonths())));
    }

    /**
     * Official membership counts from the end of the 12 months, even when the decision comes late; a late one is
     * accepted and carries the deadline it missed.
     */
    public MemberView recognize(Caller caller, String memberId, Long version, ProbationRequests.Recognition request) {
        return decisions.decide(caller, memberId, version, request, "be recognised", Transitions.ON_PROBATION,
                Command.RECOGNITION,
                context -> facts(context, request.decisionDate(), request.cellResolutionDate()),
                context -> {
                    var probationEnds = context.member().swornInOn().plusMonths(regulations.probationMonths());
                    return new MemberRecognized(probationEnds, request.cellResolutionDate(), request.partyCardNumber(),
                            deadlines.missed(probationEnds, request.cellResolutionDate(), request.decisionDate())
                                    .orElse(null));
                });
    }

    public MemberView fail(Caller caller, String memberId, Long version, ProbationRequests.Failure request) {
        return decisions.decide(caller, memberId, version, request, "fail probation", Transitions.ON_PROBATION,
                Command.PROBATION_FAILURE,
                context -> facts(context, request.decisionDate(), request.cellResolutionDate()),
                context -> new MemberProbationFailed(request.cellResolutionDate(), request.reason()));
    }

    private static ProbationFacts facts(MemberDecisions.Context context, java.time.LocalDate decisionDate,
                                        java.time.LocalDate cellResolutionDate) {
        return new ProbationFacts(decisionDate, context.member().admittedOn(), context.member().admittedOn(),
                context.member().swornInOn(), cellResolutionDate, context.decidingOrg().level(),
                context.decidedInLine(), context.today());
    }
}
