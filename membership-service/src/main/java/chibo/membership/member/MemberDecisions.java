package chibo.membership.member;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.EventDraft;
import chibo.contracts.VietnamTime;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.membership.organization.ExistedOnDate;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.CalendarRange;
import chibo.membership.rules.Command;
import chibo.membership.rules.RuleBook;
import chibo.membership.rules.RuleSet;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.eventstore.Current;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import chibo.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one path every decision on an existing member takes: load the member, keep the caller inside their subtree,
 * check the member's state allows it, check it fits the member's history in effective time ({@link EffectiveOrder}),
 * check it against the rule set in force on its effective date, append the event. An {@code If-Match} version
 * makes it conditional on the member not having changed since it was read.
 */
@Component
public class MemberDecisions {


    private final AggregateStore<MemberState> members;
    private final Organizations organizations;
    private final SubtreeGuard guard;
    private final RuleBook rules;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    MemberDecisions(AggregateStore<MemberState> members, Organizations organizations, SubtreeGuard guard,
                    RuleBook rules, WorkingDayCalendar calendar, Clock clock) {
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
    }

    public LocalDate today() {
        return VietnamTime.today(clock);
    }

    /**
     * What a decision sees while it is being checked: the member as recorded, the deciding committee, whether that
     * committee stood above the member's cell on the decision's date, and the decision's date itself.
     */
    public record Context(MemberState member, Organization decidingOrg, boolean decidedInLine, LocalDate today,
                          RuleSet rules, LocalDate effectiveDate) {

        /** The member's status on the decision's date, in effective time. */
        public chibo.contracts.member.MemberStatus statusOnDate() {
            return member.statusOn(effectiveDate);
        }
    }

    /** The organisation whose subtree the caller must act in, and the request field that names it. */
    public record Scope(String orgId, String field) {
    }

    /**
     * One decision on a member, as the decision path runs it.
     *
     * @param legal      whether the member's state allows the command; else a 409 naming the state
     * @param command    which rules of the set apply
     * @param facts      the facts the rules check
     * @param events     the events the decision records, all with the decision's date, number and committee (a
     *                   rating may also open a let-go review)
     * @param scope      the organisation the caller must act in: the member's cell, unless another side decides
     * @param fieldNames how the request names the facts the rules speak of
     */
    public record Decision(DecisionRequest request, String commandName, Transition legal, Command command,
                           Function<Context, ?> facts, Function<Context, List<MemberEvent>> events,
                           Function<MemberState, Scope> scope, Map<String, String> fieldNames) {

        public static Decision of(DecisionRequest request, String commandName, Transition legal, Command command,
                                  Function<Context, ?> facts, Function<Context, List<MemberEvent>> events) {
            return new Decision(request, commandName, legal, command, facts, events,
                    member -> new Scope(member.cellId(), "memberId"), request.fieldNames());
        }

        /** The same decision taken by another side than the member's own cell. */
        public Decision scopedTo(Function<MemberState, Scope> otherScope) {
            return new Decision(request, commandName, legal, command, facts, events, otherScope, fieldNames);
        }

        /** The same decision with its refusals naming fields as {@code names} says (e.g. inside a batch). */
        public Decision namingFields(Map<String, String> names) {
            return new Decision(request, commandName, legal, command, facts, events, scope, names);
        }
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
        return decide(caller, memberId, expectedVersion, Decision.of(request, commandName, legal, command, facts,
                context -> List.of(event.apply(context))));
    }

    /**
     * As {@link #decide(Caller, String, Long, DecisionRequest, String, Transition, Command, Function, Function)},
     * for a decision taken by another side than the member's own cell (a receiving cell takes in a transferred
     * member).
     */
    public MemberView decide(Caller caller, String memberId, Long expectedVersion, DecisionRequest request,
                             String commandName, Transition legal, Command command, Function<Context, ?> facts,
                             Function<Context, MemberEvent> event, Function<MemberState, Scope> scope) {
        return decide(caller, memberId, expectedVersion, Decision.of(request, commandName, legal, command, facts,
                context -> List.of(event.apply(context))).scopedTo(scope));
    }

    /** Takes the decision: checks it against the member's current state and appends its events. */
    public MemberView decide(Caller caller, String memberId, Long expectedVersion, Decision decision) {
        var result = members.execute(memberId, current -> drafts(caller, memberId, expectedVersion, decision,
                current));
        return MemberView.of(result.current().state(), result.current().seq(), today());
    }

    /**
     * Checks the decision exactly as {@link #decide(Caller, String, Long, Decision)} would, and appends nothing:
     * for a batch that is recorded only if every decision in it stands.
     *
     * @throws ProblemException as the decision would be refused
     */
    public void check(Caller caller, String memberId, Decision decision) {
        drafts(caller, memberId, null, decision, members.load(memberId));
    }

    private List<EventDraft> drafts(Caller caller, String memberId, Long expectedVersion, Decision decision,
                                    Current<MemberState> current) {
        if (!current.exists()) {
            throw Problems.notFound("member", memberId);
        }
        MemberState member = current.state();
        Scope acting = decision.scope().apply(member);
        guard.requireWithin(caller, acting.orgId(), acting.field());
        if (expectedVersion != null && expectedVersion != current.seq()) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, ProblemTypes.CONCURRENT_MODIFICATION,
                    "The member has changed", "If-Match names version " + expectedVersion + " but the member is"
                    + " at version " + current.seq() + "; read the member again");
        }
        DecisionRequest request = decision.request();
        String decidingOrgId = request.decidingOrgId() != null ? request.decidingOrgId() : member.cellId();
        Organization decidingOrg = organizations.find(decidingOrgId)
                .orElseThrow(() -> Problems.unknownReference("decidingOrgId", "organisation", decidingOrgId));
        guard.requireWithin(caller, decidingOrgId, "decidingOrgId");
        String why = decision.legal().refusal(EffectiveOrder.asJudgedOn(member, decision.command(),
                request.decisionDate()));
        if (why != null) {
            throw IllegalTransition.of(member, decision.commandName(), why);
        }
        String dateField = decision.fieldNames().getOrDefault("effectiveDate", "decisionDate");
        CalendarRange.require(calendar, dateField, request.decisionDate());
        EffectiveOrder.require(member, decision.command(), request.decisionDate(), dateField);
        if (request.decidingOrgId() != null) {
            ExistedOnDate.require(decidingOrg, request.decisionDate(), "decidingOrgId", "the deciding committee",
                    "the decision's date");
        }
        RuleSet ruleSet = rules.inForceOn(request.decisionDate());
        Context context = new Context(member, decidingOrg,
                organizations.lineageOn(cellOn(member, request.decisionDate()), request.decisionDate())
                        .contains(decidingOrgId), today(), ruleSet, request.decisionDate());
        ruleSet.require(decision.command(), decision.facts().apply(context), decision.fieldNames());
        UUID correlation = Correlation.current();
        return decision.events().apply(context).stream()
                .map(payload -> new EventDraft(memberId, request.decisionDate(), decidingOrgId,
                        request.decisionNumber(), correlation, null, payload))
                .toList();
    }

    /**
     * The cell the member was in on {@code day}: their present cell, unless a transfer receipt dated after the day
     * moved them; then the cell that event placed them in (one {@code _id} read of that event).
     */
    private String cellOn(MemberState member, LocalDate day) {
        Optional<MemberState.Recorded> then = member.placedOn(day);
        if (then.isEmpty() || then.equals(member.placedNow())) {
            return member.cellId();
        }
        return members.event(member.id(), then.get().seq()).map(event -> switch (event.payload()) {
            case MemberAdmitted admitted -> admitted.cellId();
            case MemberReadmitted readmitted -> readmitted.cellId();
            case MemberEnrolledFromRegister enrolled -> enrolled.cellId();
            case MemberTransferReceived received -> received.cellId();
            default -> member.cellId();
        }).orElse(member.cellId());
    }

    /** Whether a member's state allows a command: null when it does, else why not. */
    @FunctionalInterface
    public interface Transition {
        String refusal(MemberState member);
    }
}
