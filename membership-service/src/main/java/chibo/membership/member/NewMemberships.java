package chibo.membership.member;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.EventDraft;
import chibo.contracts.member.MemberEvent;
import chibo.membership.organization.ExistedOnDate;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.CalendarRange;
import chibo.membership.rules.Command;
import chibo.membership.rules.Ids;
import chibo.membership.rules.RuleBook;
import chibo.membership.rules.RuleSet;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.eventstore.Current;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The one path every new membership takes (admission, readmission, enrolment from a register): the cell and the
 * deciding committee exist and lie in the caller's subtree, the facts pass the rule set in force on the effective
 * date, and the member id is not taken.
 */
@Component
public class NewMemberships {

    private final AggregateStore<MemberState> members;
    private final Organizations organizations;
    private final SubtreeGuard guard;
    private final RuleBook rules;
    private final MemberDecisions decisions;
    private final WorkingDayCalendar calendar;

    NewMemberships(AggregateStore<MemberState> members, Organizations organizations, SubtreeGuard guard,
                   RuleBook rules, MemberDecisions decisions, WorkingDayCalendar calendar) {
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
        this.rules = rules;
        this.decisions = decisions;
        this.calendar = calendar;
    }

    /** What the rules of a new membership see. */
    public record Context(Organization cell, Organization decidingOrg, boolean decidedInLine, LocalDate today,
                          RuleSet rules) {
    }

    public MemberView create(Caller caller, String requestedId, String cellId, String decidingOrgId,
                             LocalDate effectiveDate, String decisionNumber, Command command,
                             Function<Context, ?> facts, Function<Context, MemberEvent> event) {
        return create(caller, requestedId, cellId, decidingOrgId, effectiveDate, null, decisionNumber, command, facts,
                event, null);
    }

    /**
     * As {@link #create(Caller, String, String, String, LocalDate, String, Command, Function, Function)}, with the
     * date of the cell's resolution ({@code resolvedOn}, null for an enrolment, which has none) and a last step once
     * every check has passed and just before the event is recorded (it may still refuse). Without such a step the
     * member is created without being read first; with one, it is read first, so that the step never runs for an id
     * already taken.
     *
     * <p>A decision is read on the tree as it stood on its date: the cell stood on the day it resolved and on the
     * decision's date, the deciding committee on the decision's date, and "above the cell" is the line of that day.
     * An enrolment from a register puts the member in a cell that stands today (the register gives the present
     * cell, not the one of the admission).
     */
    public MemberView create(Caller caller, String requestedId, String cellId, String decidingOrgId,
                             LocalDate effectiveDate, LocalDate resolvedOn, String decisionNumber, Command command,
                             Function<Context, ?> facts, Function<Context, MemberEvent> event,
                             java.util.function.Consumer<String> beforeRecording) {
        boolean fromRegister = command == Command.ENROLMENT;
        Organization cell = (fromRegister ? organizations.findActive(cellId) : organizations.find(cellId))
                .orElseThrow(() -> Problems.unknownReference("cellId", "cell", cellId));
        if (!cell.level().holdsMembers()) {
            throw Problems.invalid("cellId", "holds-members", "'" + cell.id() + "' is a " + cell.level()
                    + ", not a cell: members belong to cells");
        }
        String decidingId = decidingOrgId != null ? decidingOrgId : cellId;
        Organization decidingOrg = (fromRegister ? organizations.findActive(decidingId)
                : organizations.find(decidingId))
                .orElseThrow(() -> Problems.unknownReference("decidingOrgId", "organisation", decidingId));
        guard.requireWithin(caller, cell.id(), "cellId");
        guard.requireWithin(caller, decidingId, "decidingOrgId");
        String dateField = fromRegister ? "admittedOn" : "decisionDate";
        CalendarRange.require(calendar, dateField, effectiveDate);
        if (!fromRegister) {
            if (resolvedOn != null) {
                CalendarRange.require(calendar, "cellResolutionDate", resolvedOn);
                ExistedOnDate.require(cell, resolvedOn, "cellId", "the cell", "the cell's resolution of");
            }
            ExistedOnDate.require(cell, effectiveDate, "cellId", "the cell", "the decision's date");
            ExistedOnDate.require(decidingOrg, effectiveDate, "decidingOrgId", "the deciding committee",
                    "the decision's date");
        }
        RuleSet ruleSet = rules.inForceOn(effectiveDate);
        boolean inLine = fromRegister ? organizations.lineage(cell.id()).contains(decidingId)
                : organizations.lineageOn(cell.id(), effectiveDate).contains(decidingId);
        Context context = new Context(cell, decidingOrg, inLine, decisions.today(), ruleSet);
        ruleSet.require(command, facts.apply(context), java.util.Map.of("effectiveDate", dateField));

        String memberId = Ids.orGenerate(requestedId);
        EventDraft draft = new EventDraft(memberId, effectiveDate, decidingId, decisionNumber, Correlation.current(),
                null, event.apply(context));
        Function<Current<MemberState>, List<EventDraft>> decide = current -> {
            if (current.exists()) {
                throw Problems.alreadyExists("memberId", "member", memberId);
            }
            if (beforeRecording != null) {
                beforeRecording.accept(memberId);
            }
            return List.of(draft);
        };
        var result = beforeRecording == null ? members.create(memberId, decide) : members.execute(memberId, decide);
        return MemberView.of(result.current().state(), result.current().seq(), decisions.today());
    }
}
