package chibo.membership.member;

import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.ReviewKind;
import chibo.contracts.member.TransferKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member as their events leave them. {@link MemberLifecycle#apply} is the fold; this record only carries the
 * result.
 *
 * @param cellId         the cell that counts the member (the sender while in transit)
 * @param firstAdmittedOn party age counts from here (the first admission, across readmissions)
 * @param previousLeftOn when the earlier membership of a readmitted member ended: the gap from then to this
 *                       admission does not count towards party age
 * @param leavingGround  how the membership ended: the event type, and its ground for removal or letting go
 *                       (e.g. {@code member.removed.v1:ABSENT_OR_UNPAID_THREE_MONTHS}); readmission depends on it
 * @param unremediedDisciplineYears years the member was disciplined in without finding and remedying the fault
 *                       themselves: such a year is rated "không hoàn thành" (QĐ 124-QĐ/TW, điều 12)
 * @param statusHistory  each status change with the seq that made it, so a correction can restore the status
 *                       before a reversed decision
 * @param openReviews    removal or let-go cases before the cell, at most one of each kind; none once the member
 *                       has left
 * @param reviewBases    the basis of every review ever opened (e.g. {@code ratings:2024-2025}): the same facts
 *                       never open a second review
 * @param timeline       every event of the member that stands, in the order recorded, with its effective date: a
 *                       new decision must fit into it in effective time ({@link EffectiveOrder}); an annulled or
 *                       reversed event leaves it
 * @param residences     where the member has lived, in effective order: the unit given at the entry, then each change
 *                       of residence or transfer receipt that named a new one; {@code person.residenceUnitId} is the
 *                       latest
 */
public record MemberState(
        String id,
        Person person,
        MemberStatus status,
        String cellId,
        LocalDate admittedOn,
        LocalDate firstAdmittedOn,
        LocalDate swornInOn,
        LocalDate probationEndsOn,
        LocalDate officialFrom,
        String partyCardNumber,
        boolean enrolledFromRegister,
        boolean exempted,
        Transit inTransit,
        TemporaryStay temporaryStay,
        String residenceLiaisonCellId,
        String previousMemberId,
        LocalDate previousLeftOn,
        LocalDate leftOn,
        String leavingGround,
        Map<Integer, RatingLevel> ratings,
        List<Integer> unremediedDisciplineYears,
        List<StatusMark> statusHistory,
        List<Review> openReviews,
        List<String> reviewBases,
        List<Recorded> timeline,
        List<Residence> residences) {

    public MemberState {
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        unremediedDisciplineYears = unremediedDisciplineYears == null ? List.of()
                : List.copyOf(unremediedDisciplineYears);
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        openReviews = openReviews == null ? List.of() : List.copyOf(openReviews);
        reviewBases = reviewBases == null ? List.of() : List.copyOf(reviewBases);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        residences = residences == null ? List.of() : List.copyOf(residences);
    }

    /** The unit the member lives in now; null when they live in no unit chibo registers. */
    public String residenceUnitId() {
        return person == null ? null : person.residenceUnitId();
    }

    /**
     * The member's status on {@code day}, in effective time: the status set by the latest decision dated on or
     * before it (the seq breaks ties); null when the membership had not started by then. A member taken over from a
     * register as official was probationary between the admission and recognition dates the register gives.
     */
    public MemberStatus statusOn(LocalDate day) {
        StatusMark mark = statusHistory.stream().filter(m -> !m.effectiveDate().isAfter(day))
                .max(java.util.Comparator.comparing(StatusMark::effectiveDate).thenComparingLong(StatusMark::seq))
                .orElse(null);
        if (mark == null) {
            return null;
        }
        boolean registerEntry = enrolledFromRegister && mark == statusHistory.getFirst();
        if (registerEntry && mark.status() == MemberStatus.OFFICIAL && officialFrom != null
                && day.isBefore(officialFrom)) {
            return MemberStatus.PROBATIONARY;
        }
        return mark.status();
    }

    /**
     * The recorded event that placed the member in the cell they were in on {@code day}: the entry (admission,
     * readmission, enrolment) or the latest transfer receipt dated on or before it; empty before the membership.
     * The member's cell now is placed by {@link #placedNow()}; when the two differ, the member was elsewhere then.
     */
    public Optional<Recorded> placedOn(LocalDate day) {
        return timeline.stream().filter(Recorded::places).filter(recorded -> !recorded.effectiveDate().isAfter(day))
                .max(java.util.Comparator.comparing(Recorded::effectiveDate).thenComparingLong(Recorded::seq));
    }

    /** The recorded event that placed the member in their present cell. */
    public Optional<Recorded> placedNow() {
        return timeline.stream().filter(Recorded::places)
                .max(java.util.Comparator.comparing(Recorded::effectiveDate).thenComparingLong(Recorded::seq));
    }

    /**
     * The member as a decision dated while they were still a member sees them, once their membership has ended: with
     * the status they had then ({@code statusThen}), not yet left. Everything else is as recorded.
     */
    MemberState stillMember(MemberStatus statusThen) {
        return new MemberState(id, person, statusThen, cellId, admittedOn, firstAdmittedOn, swornInOn,
                probationEndsOn, officialFrom, partyCardNumber, enrolledFromRegister, exempted, inTransit,
                temporaryStay, residenceLiaisonCellId, previousMemberId, previousLeftOn, null, null, ratings,
                unremediedDisciplineYears, statusHistory, openReviews, reviewBases, timeline, residences);
    }

    /** The open review of that kind, if there is one. */
    public Optional<Review> openReview(ReviewKind kind) {
        return openReviews.stream().filter(review -> review.kind() == kind).findFirst();
    }

    /** Official transfer under way: counted by the sender until the receiving cell takes the papers. */
    public record Transit(TransferKind kind, String toOrgId, String toCellId, LocalDate startedOn) {
    }

    /** Sinh hoạt tạm thời at another cell; the home cell still counts the member. */
    public record TemporaryStay(String hostCellId, LocalDate until) {
    }

    public record StatusMark(long seq, MemberStatus status, LocalDate effectiveDate) {
    }

    /**
     * Where the member lived from {@code since}: unit {@code unitId}, registered by {@code unitOrgId} (null when the
     * event did not name it), or no registered unit ({@code unitId} null); {@code seq} is the event that said so.
     */
    public record Residence(long seq, String unitId, String unitOrgId, LocalDate since) {
    }

    /**
     * A case put before the member's cell: what it considers ({@code kind}), the facts that opened it
     * ({@code basis}, {@code evidence}) and since when.
     */
    public record Review(ReviewKind kind, String basis, LocalDate openedOn, String reason, List<String> evidence) {
        public Review {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * One recorded event of the member: its seq, its wire type (e.g. {@code member.transfer_started.v1}), its
     * effective date and what it means for the member's history.
     */
    public record Recorded(long seq, String type, LocalDate effectiveDate, Step step) {

        /** Whether the event put the member in a cell: the entry, or a transfer receipt. */
        boolean places() {
            return step == Step.ENTRY || step == Step.TRANSFER_RECEIVED;
        }
    }

    /** What a recorded event means for the decisions that may be dated around it. */
    public enum Step {
        /** admission, readmission or enrolment from a register: the membership starts */
        ENTRY,
        /** the admission ceremony: probation starts */
        SWORN_IN,
        TRANSFER_STARTED,
        TRANSFER_RECEIVED,
        TEMPORARY_TRANSFER_STARTED,
        RECOGNIZED,
        /** an explicit change of residence */
        RESIDENCE_CHANGED,
        /** removal, failed probation, letting go, expulsion or death: the membership ends */
        ENDED,
        /** an annulment or upheld appeal: it speaks of an earlier event, and may come after the membership ended */
        CORRECTION,
        OTHER
    }
}
