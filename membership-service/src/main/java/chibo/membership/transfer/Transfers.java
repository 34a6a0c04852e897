package chibo.membership.transfer;

import chibo.contracts.member.MemberResidenceLiaisonRegistered;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.calendar.WorkingDayCalendar;
import chibo.membership.member.EffectiveOrder;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.organization.ExistedOnDate;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.Command;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * Transfers of party activity: official (between cells, to the place of residence) with the member in transit
 * until received; temporary stays elsewhere; residence liaison.
 */
@Service
public class Transfers {

    private final MemberDecisions decisions;
    private final Organizations organizations;
    private final SubtreeGuard guard;
    private final WorkingDayCalendar calendar;

    Transfers(MemberDecisions decisions, Organizations organizations, SubtreeGuard guard,
              WorkingDayCalendar calendar) {
        this.decisions = decisions;
        this.organizations = organizations;
        this.guard = guard;
        this.calendar = calendar;
    }

    /** The sending side decides; the receiving organisation may be anywhere in the country. */
    public MemberView start(Caller caller, String memberId, Long version, TransferRequests.Start request) {
        Organization toOrg = organizations.find(request.toOrgId())
                .orElseThrow(() -> Problems.unknownReference("toOrgId", "organisation", request.toOrgId()));
        standing(toOrg, request.decisionDate(), "toOrgId", "the receiving organisation");
        Organization toCell = request.toCellId() == null ? null
                : cell(request.toCellId(), "toCellId", request.decisionDate());
        return decisions.decide(caller, memberId, version, request, "start a transfer", Transitions.SETTLED,
                Command.TRANSFER,
                context -> new TransferFacts(request.kind(), request.circumstance(), null,
                        toCell == null || organizations.lineageOn(toCell.id(), request.decisionDate())
                                .contains(request.toOrgId()),
                        request.toOrgId().equals(context.member().cellId())
                                || (toCell != null && toCell.id().equals(context.member().cellId())),
                        true, request.decisionDate(), null, context.decidingOrg().level(),
                        context.decidedInLine(), context.today()),
                context -> new MemberTransferStarted(request.kind(), context.member().cellId(), request.toOrgId(),
                        request.toCellId(), request.reason()));
    }

    /**
     * The receiving side records the receipt, so the caller acts in the receiving cell's subtree. Whether the
     * member is in transit at all is told only to the member's own subtree and to the side it is sent to.
     */
    public MemberView receive(Caller caller, String memberId, Long version, TransferRequests.Receipt request) {
        Organization receiving = cell(request.cellId(), "cellId", request.receivedOn());
        if (request.residenceUnitId() != null) {
            requireRegisteredInLine(request.residenceUnitId(), receiving, request.receivedOn());
        }
        return decisions.decide(caller, memberId, version, request, "be received", Transitions.IN_TRANSIT,
                Command.TRANSFER_RECEIPT,
                context -> {
                    if (request.residenceUnitId() != null) {
                        EffectiveOrder.requireNotBeforeLastMove(context.member(), request.receivedOn(), "receivedOn");
                    }
                    var transit = context.member().inTransit();
                    boolean inTree = transit.toCellId() != null ? transit.toCellId().equals(receiving.id())
                            : organizations.lineageOn(receiving.id(), request.receivedOn())
                            .contains(transit.toOrgId());
                    return new TransferFacts(transit.kind(), null, null, inTree,
                            receiving.id().equals(context.member().cellId()), true, request.receivedOn(), null,
                            context.decidingOrg().level(), context.decidedInLine(), context.today());
                },
                context -> new MemberTransferReceived(receiving.id(), request.residenceUnitId()),
                member -> {
                    requireSendingOrReceivingSide(caller, memberId, member);
                    return new MemberDecisions.Scope(receiving.id(), "cellId");
                });
    }

    /**
     * A member transferred to their place of residence lives where the receiving cell is: the unit is one an
     * organisation in the receiving cell's line registered (the commune that registers its villages, say).
     */
    private void requireRegisteredInLine(String unitId, Organization receiving, LocalDate day) {
        boolean registered = organizations.lineageOn(receiving.id(), day).stream()
                .flatMap(orgId -> organizations.find(orgId).stream())
                .anyMatch(organization -> organization.units().containsKey(unitId));
        if (!registered) {
            throw Problems.unknownReference("residenceUnitId", "unit registered in the line of '" + receiving.id()
                    + "'", unitId);
        }
    }

    private void requireSendingOrReceivingSide(Caller caller, String memberId, MemberState member) {
        MemberState.Transit transit = member.inTransit();
        String sentTo = transit == null ? null : transit.toCellId() != null ? transit.toCellId() : transit.toOrgId();
        if (!guard.isWithin(caller, member.cellId()) && (sentTo == null || !guard.sharesLine(caller, sentTo))) {
            throw Problems.outsideSubtree("memberId", "member '" + memberId + "'");
        }
    }

    public MemberView startTemporary(Caller caller, String memberId, Long version,
                                     TransferRequests.TemporaryStart request) {
        Organization host = organizations.find(request.hostCellId())
                .orElseThrow(() -> Problems.unknownReference("hostCellId", "cell", request.hostCellId()));
        standing(host, request.decisionDate(), "hostCellId", "the host cell");
        return decisions.decide(caller, memberId, version, request, "start a temporary stay", Transitions.SETTLED,
                Command.TEMPORARY_TRANSFER,
                context -> new TransferFacts(null, null, request.reason(), true,
                        host.id().equals(context.member().cellId()), host.level().holdsMembers(),
                        request.decisionDate(), request.until(), context.decidingOrg().level(),
                        context.decidedInLine(), context.today()),
                context -> new MemberTemporaryTransferStarted(host.id(), request.reason(), request.until()));
    }

    public MemberView endTemporary(Caller caller, String memberId, Long version,
                                   TransferRequests.TemporaryEnd request) {
        return decisions.decide(caller, memberId, version, request, "end a temporary stay",
                Transitions.ON_TEMPORARY_STAY, Command.TEMPORARY_TRANSFER_END,
                context -> new TransferFacts(null, null, null, true, false, true, request.endedOn(), null,
                        context.decidingOrg().level(), context.decidedInLine(), context.today()),
                context -> new MemberTemporaryTransferEnded(context.member().temporaryStay().hostCellId()));
    }

    public MemberView registerLiaison(Caller caller, String memberId, Long version, TransferRequests.Liaison request) {
        Organization residence = organizations.find(request.residenceCellId())
                .orElseThrow(() -> Problems.unknownReference("residenceCellId", "cell", request.residenceCellId()));
        standing(residence, request.registeredOn(), "residenceCellId", "the residence cell");
        return decisions.decide(caller, memberId, version, request, "register a residence liaison",
                Transitions.ACTIVE, Command.RESIDENCE_LIAISON,
                context -> new TransferFacts(null, null, null, true, residence.id().equals(context.member().cellId()),
                        residence.level().holdsMembers(), request.registeredOn(), null,
                        context.decidingOrg().level(), context.decidedInLine(), context.today()),
                context -> new MemberResidenceLiaisonRegistered(residence.id(), request.category()));
    }

    /** A cell that stood on {@code day}. */
    private Organization cell(String cellId, String field, LocalDate day) {
        Organization cell = organizations.find(cellId)
                .orElseThrow(() -> Problems.unknownReference(field, "cell", cellId));
        if (!cell.level().holdsMembers()) {
            throw Problems.invalid(field, "holds-members", "'" + cellId + "' is a " + cell.level()
                    + ", not a cell: members belong to cells");
        }
        standing(cell, day, field, "the cell");
        return cell;
    }

    /**
     * Where a member is sent must stand on the day: founded by then and not yet dissolved. A day outside the
     * calendar is left to the decision's own check, which names it.
     */
    private void standing(Organization organization, LocalDate day, String field, String role) {
        if (day != null && calendar.covers(day)) {
            ExistedOnDate.require(organization, day, field, role, "the decision's date");
        }
    }
}
