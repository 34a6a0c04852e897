package chibo.membership.duelist;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.ReviewKind;
import chibo.membership.member.MemberState;
import chibo.membership.rules.Regulations;

import java.util.ArrayList;
import java.util.List;

/** What is due about a member, from their state and the deadlines of the regulations. */
public final class DueItems {

    private final Regulations regulations;
    private final WorkingDayCalendar calendar;

    public DueItems(Regulations regulations, WorkingDayCalendar calendar) {
        this.regulations = regulations;
        this.calendar = calendar;
    }

    public List<DueItem> of(MemberState member) {
        List<DueItem> items = new ArrayList<>();
        String name = member.person().fullName();
        if (member.status() == MemberStatus.PROBATIONARY && member.swornInOn() == null) {
            items.add(new DueItem(member.id(), name, DueKind.AWAITING_CEREMONY, member.admittedOn(),
                    calendar.plusWorkingDays(member.admittedOn(), regulations.ceremonyWorkingDays())));
        }
        if (member.status() == MemberStatus.PROBATIONARY && member.swornInOn() != null) {
            var ends = member.swornInOn().plusMonths(regulations.probationMonths());
            items.add(new DueItem(member.id(), name, DueKind.PROBATION_ENDING, ends,
                    calendar.plusWorkingDays(ends, regulations.recognitionCellWorkingDays())));
        }
        if (member.inTransit() != null) {
            var started = member.inTransit().startedOn();
            items.add(new DueItem(member.id(), name, DueKind.IN_TRANSIT, started,
                    calendar.plusWorkingDays(started, regulations.transferPapersWorkingDays())));
        }
        for (MemberState.Review review : member.openReviews()) {
            items.add(new DueItem(member.id(), name, review.kind() == ReviewKind.REMOVAL ? DueKind.REMOVAL_REVIEW
                    : DueKind.LET_GO_REVIEW, review.openedOn(),
                    calendar.plusWorkingDays(review.openedOn(), regulations.reviewWorkingDays())));
        }
        if (mayBeReadmitted(member)) {
            items.add(new DueItem(member.id(), name, DueKind.READMISSION_WAITING, member.leftOn(),
                    member.leftOn().plusMonths(regulations.readmissionWaitMonths())));
        }
        return items;
    }

    /**
     * Left, not by death, not barred for good by how they left (their own accord, asking to leave), and not a
     * readmission already (once only). Other barring grounds are declared by the application itself.
     */
    private static boolean mayBeReadmitted(MemberState member) {
        if (member.status().isActive() || member.status() == MemberStatus.DECEASED || member.leftOn() == null
                || member.previousMemberId() != null) {
            return false;
        }
        String ground = member.leavingGround() == null ? "" : member.leavingGround();
        return !ground.endsWith(":" + RemovalGround.ABSENT_OR_UNPAID_THREE_MONTHS.name())
                && !ground.endsWith(":" + LetGoGround.ASKED_TO_LEAVE.name());
    }
}
