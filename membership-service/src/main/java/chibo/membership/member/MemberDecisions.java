package chibo.membership.member;

import chibo.contracts.EventDraft;
import chibo.contracts.member.MemberEvent;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.Command;
import chibo.membership.rules.RuleBook;
import chibo.membership.rules.RuleSet;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import chibo.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The one path every decision on an existing member takes: load the member, keep the caller inside their subtree,
 * check the member's state allows it, check it against the rule set in force on its effective date, append the
 * event. An {@code If-Match} version makes it conditional on the member not having changed since it was read.
 */
@Component
public class MemberDecisions {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AggregateStore<MemberState> members;
    private final Organizations organizations;
    private final SubtreeGuard guard;
    private final RuleBook rules;
    private final Clock clock;

    MemberDecisions(AggregateStore<MemberState> members, Organizations organizations, SubtreeGuard guard,
                    RuleBook rules, Clock clock) {
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
        this.rules = rules;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** What a decision sees while it is being checked. */
    public record Context(MemberState member, Organization decidingOrg, boolean decidedInLine, LocalDate today,
                          RuleSet rules) {
    }

    /**
     * @param legal          whether the member's state allows the command; else a 409 naming the state
     * @param command        which rules of the set apply
     * @param facts          the facts the rules check
     * @param event          the event the decision records
     */
    public MemberView decide(Caller caller, String memberId, Long expectedVersion, DecisionRequest request,
                             String commandName, Transition legal, Command command, Function<Context, ?> facts,
                             Function<Context, MemberEvent> event) {
        return decide(caller, memberId, expectedVersion, request, commandName, legal, command, facts, event,
                member -> new Scope(member.cellId(), "memberId"));
    }

    /** The organisation whose subtree the caller must act in, and the request field that names it. */
    public record Scope(String orgId, String field) {
    }

    /**
     * As {@link #decide(Caller, String, Long, DecisionRequest, String, Transition, Command, Function, Function)},
     * for a decision taken by another side than the member's own cell (a receiving cell takes in a transferred
     * member).
     */
    public MemberView decide(Caller caller, String memberId, Long expectedVersion, DecisionRequest request,
                             String commandName, Transition legal, Command command, Function<Context, ?> facts,
                             Function<Context, MemberEvent> event, Function<MemberState, Scope> scope) {
        var result = members.execute(memberId, current -> {
            if (!current.exists()) {
                throw Problems.notFound("member", memberId);
            }
            MemberState member = current.state();
            Scope acting = scope.apply(member);
            guard.requireWithin(caller, acting.orgId(), acting.field());
            if (expectedVersion != null && expectedVersion != current.seq()) {
                throw new ProblemException(HttpStatus.PRECONDITION_FAILED, ProblemTypes.CONCURRENT_MODIFICATION,
                        "The member has changed", "If-Match names version " + expectedVersion + " but the member is"
                        + " at version " + current.seq() + "; read the member again");
            }
            String decidingOrgId = request.decidingOrgId() != null ? request.decidingOrgId() : member.cellId();
            Organization decidingOrg = organizations.find(decidingOrgId)
                    .orElseThrow(() -> Problems.unknownReference("decidingOrgId", "organisation", decidingOrgId));
            guard.requireWithin(caller, decidingOrgId, "decidingOrgId");
            String why = legal.refusal(member);
            if (why != null) {
                throw IllegalTransition.of(member, commandName, why);
            }
            RuleSet ruleSet = rules.inForceOn(request.decisionDate());
            Context context = new Context(member, decidingOrg,
                    organizations.lineage(member.cellId()).contains(decidingOrgId), today(), ruleSet);
            ruleSet.require(command, facts.apply(context), request.fieldNames());
            return List.of(new EventDraft(memberId, request.decisionDate(), decidingOrgId, request.decisionNumber(),
                    Correlation.current(), null, event.apply(context)));
        });
        return MemberView.of(result.current().state(), result.current().seq(), today());
    }

    /** Whether a member's state allows a command: null when it does, else why not. */
    @FunctionalInterface
    public interface Transition {
        String refusal(MemberState member);
    }
}
