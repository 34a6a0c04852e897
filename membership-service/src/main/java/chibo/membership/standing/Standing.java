package chibo.membership.standing;

import chibo.contracts.member.MemberDisciplined;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRated;
import chibo.membership.member.MemberDecisionFacts;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.review.ReviewOpenings;
import chibo.membership.rules.Command;
import chibo.platform.security.Caller;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A member's standing: exemption from work and activity, discipline short of expulsion, the annual rating. */
@Service
public class Standing {

    private final MemberDecisions decisions;
    private final ExcellentShares shares;
    private final RatingTally tally;

    Standing(MemberDecisions decisions, ExcellentShares shares, RatingTally tally) {
        this.decisions = decisions;
        this.shares = shares;
        this.tally = tally;
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

    /**
     * Rates the member's year; the share of "xuất sắc" in their grassroots organisation is checked against the
     * ratings counted there. A second year running rated NOT_COMPLETED also opens a let-go review.
     */
    public MemberView rate(Caller caller, String memberId, Long version, StandingRequests.Rating request) {
        return decisions.decide(caller, memberId, version, rating(request, request.fieldNames(), true));
    }

    /**
     * The rating decision.
     *
     * @param fieldNames how the request names the rules' facts
     * @param checkShare whether this rating alone is checked against the share of "xuất sắc" (a batch checks the
     *                   share once, for all its ratings)
     */
    MemberDecisions.Decision rating(StandingRequests.Rating request, Map<String, String> fieldNames,
                                    boolean checkShare) {
        return MemberDecisions.Decision.of(request, "be rated", Transitions.ACTIVE, Command.RATING,
                context -> new RatingFacts(request.year(), request.level(), request.points(),
                        context.member().unremediedDisciplineYears().contains(request.year()),
                        context.member().ratings().containsKey(request.year()), context.member().admittedOn(),
                        request.decisionDate(), context.decidingOrg().level(), context.decidedInLine(),
                        context.today()),
                context -> {
                    MemberState member = context.member();
                    if (checkShare) {
                        shares.require(context.rules(), shares.after(tally.organizationOf(member.cellId()),
                                request.year(), Map.of(member.id(), request.level())), "level");
                    }
                    List<MemberEvent> events = new ArrayList<>();
                    events.add(new MemberRated(request.year(), request.level(), request.points()));
                    ReviewOpenings.afterRating(member, request.year(), request.level()).ifPresent(events::add);
                    return events;
                }).namingFields(fieldNames);
    }

    static MemberDecisionFacts facts(MemberDecisions.Context context, java.time.LocalDate decisionDate,
                                     chibo.contracts.member.DisciplineLevel level) {
        return new MemberDecisionFacts(context.statusOnDate(), level, null, context.member().ratings(),
                decisionDate, context.decidingOrg().level(), context.decidedInLine(), context.today());
    }
}
