package chibo.reporting.figures;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one member event changes in the figures: the member's facts after it, what to add at which cell in which month
 * (the stock the member counts in, or its move from the old cell to the new one with a transfer out and in; the flow
 * the event is, in the month of its effective date; the member's rating), and whether the member stops or starts
 * counting as a resident of a unit: an active member who moves (a change of residence, or a transfer receipt naming
 * the place of residence) leaves the old unit and joins the new one in the month of the move; one who leaves the
 * party stops counting where they live. An upheld appeal or annulment takes back the reversed decision in the month
 * it was counted.
 *
 * <p>A member enrolled from a register as official is counted probationary from the admission date the register gives
 * (the enrolment's effective date) and official from the recognition date it gives — in every figure as of a date in
 * between, as if both decisions had been recorded when they were taken (Điều lệ Đảng, art. 5: a year of probation
 * from admission to recognition).
 */
public record MemberChange(MemberFacts after, List<CellDelta> deltas, List<Residence> residence) {

    /** Counters to add at a cell in a month. */
    public record CellDelta(String cellId, Map<String, Long> counters, String month) {
    }

    /** A unit of residence gaining ({@code +1}) or losing ({@code -1}) an active member who lives there. */
    public record Residence(String unitId, int change, String month) {
    }

    public static MemberChange of(MemberFacts before, EventEnvelope event) {
        if (before == null && !startsMembership(event)) {
            throw new IllegalStateException("a member's history starts with an admission, readmission or"
                    + " enrolment");
        }
        MemberFacts after = MemberFacts.apply(before, event);
        String month = Counters.month(event.effectiveDate());
        Map<String, Long> flows = new TreeMap<>();
        if (event.payload() instanceof MemberCorrected correction && before.reverses(correction)) {
            // the reversed decision never stood: taken back where it was counted
            month = Objects.requireNonNullElse(before.statusMonth(), month);
            if (before.statusFlow() != null) {
                flows.putAll(Counters.flowsOf(before.statusFlow(), -1L));
            }
        } else if (after.statusSeq() == event.seq() && after.statusFlow() != null) {
            flows.putAll(Counters.flowsOf(after.statusFlow(), 1L));
        }
        if (event.payload() instanceof MemberRated rated) {
            flows.put(Counters.memberRating(rated.year(), rated.level()), 1L);
        }
        List<CellDelta> deltas = new ArrayList<>(2);
        Map<String, Long> beforeCounters = before == null ? Map.of() : before.counters();
        if (before != null && !before.cellId().equals(after.cellId())) {
            Map<String, Long> out = Counters.plus(Counters.negate(beforeCounters), flows);
            deltas.add(new CellDelta(before.cellId(), Counters.plus(out, Map.of(Counters.TRANSFERRED_OUT, 1L)), month));
            deltas.add(new CellDelta(after.cellId(), Counters.plus(after.counters(),
                    Map.of(Counters.TRANSFERRED_IN, 1L)), month));
        } else if (event.payload() instanceof MemberEnrolledFromRegister enrolled
                && probationBeforeEnrolment(enrolled, after, month)) {
            MemberFacts probation = after.withOnlyStatus(MemberStatus.PROBATIONARY);
            deltas.add(new CellDelta(after.cellId(), Counters.plus(probation.counters(), flows), month));
            deltas.add(new CellDelta(after.cellId(), Counters.difference(probation.counters(), after.counters()),
                    Counters.month(enrolled.recognizedOn())));
        } else {
            deltas.add(new CellDelta(after.cellId(), Counters.plus(Counters.difference(beforeCounters,
                    after.counters()), flows), month));
        }
        return new MemberChange(after, deltas, residence(before, after, month));
    }

    /** An official member whose register dates recognition in a later month than the admission. */
    private static boolean probationBeforeEnrolment(MemberEnrolledFromRegister enrolled, MemberFacts after,
                                                    String month) {
        return after.status() == MemberStatus.OFFICIAL && enrolled.recognizedOn() != null
                && Counters.month(enrolled.recognizedOn()).compareTo(month) > 0;
    }

    private static List<Residence> residence(MemberFacts before, MemberFacts after, String month) {
        String was = before != null && before.resides() ? before.residenceUnitId() : null;
        String is = after.resides() ? after.residenceUnitId() : null;
        if (Objects.equals(was, is)) {
            return List.of();
        }
        List<Residence> changes = new ArrayList<>(2);
        if (was != null) {
            changes.add(new Residence(was, -1, month));
        }
        if (is != null) {
            changes.add(new Residence(is, 1, month));
        }
        return changes;
    }

    private static boolean startsMembership(EventEnvelope event) {
        return event.payload() instanceof MemberAdmitted || event.payload() instanceof MemberReadmitted
                || event.payload() instanceof MemberEnrolledFromRegister;
    }
}
