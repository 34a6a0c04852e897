package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberReadmitted;
import chibo.reporting.figures.Counters;
import chibo.reporting.figures.MemberFacts;
import chibo.reporting.figures.UnitFact;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds each member's events into the member's facts, and sends what changed to the member's cell: the stock the
 * member counts in (or its move from the old cell to the new one, with a transfer out and in), the flow the event
 * is (an admission, a removal…) in the month of its effective date, and the member's rating. An upheld appeal or
 * annulment takes back the reversed decision in the month it was counted. Whether the member counts as a resident
 * of a unit goes to the unit fold.
 */
final class MemberFoldProcessor extends SubjectFold<MemberFoldProcessor.MemberRecord> {

    static final String STATES = "member-facts";
    static final String PARKED = "member-parked";

    MemberFoldProcessor(TopologyEvents events, TrustedSigners signers) {
        super(Topics.MEMBERSHIP, MemberEvent.class, STATES, PARKED, ReportingTopology.MEMBERSHIP_DLT_SINK, events,
                signers);
    }

    /** A member's facts as of the event with this seq. */
    record MemberRecord(long seq, MemberFacts facts) implements SubjectFold.Folded {
    }

    @Override
    protected MemberRecord apply(MemberRecord current, EventEnvelope event) {
        MemberFacts before = current == null ? null : current.facts();
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
                flows.put(before.statusFlow(), -1L);
            }
        } else if (after.statusSeq() == event.seq() && after.statusFlow() != null) {
            flows.put(after.statusFlow(), 1L);
        }
        if (event.payload() instanceof MemberRated rated) {
            flows.put(Counters.memberRating(rated.year(), rated.level()), 1L);
        }
        Map<String, Long> beforeCounters = before == null ? Map.of() : before.counters();
        if (before != null && !before.cellId().equals(after.cellId())) {
            Map<String, Long> out = Counters.plus(Counters.negate(beforeCounters), flows);
            sendDelta(before.cellId(), Counters.plus(out, Map.of(Counters.TRANSFERRED_OUT, 1L)), month, event);
            sendDelta(after.cellId(), Counters.plus(after.counters(), Map.of(Counters.TRANSFERRED_IN, 1L)), month,
                    event);
        } else {
            sendDelta(after.cellId(), Counters.plus(Counters.difference(beforeCounters, after.counters()), flows),
                    month, event);
        }
        residence(before, after, month, event);
        return new MemberRecord(event.seq(), after);
    }

    private void residence(MemberFacts before, MemberFacts after, String month, EventEnvelope event) {
        String was = before != null && before.resides() ? before.residenceUnitId() : null;
        String is = after.resides() ? after.residenceUnitId() : null;
        if (Objects.equals(was, is)) {
            return;
        }
        String cause = event.id().toString();
        if (was != null) {
            sendUnitFact(UnitFact.residents(was, -1, month, cause, event.recordedAt()));
        }
        if (is != null) {
            sendUnitFact(UnitFact.residents(is, 1, month, cause, event.recordedAt()));
        }
    }

    private static boolean startsMembership(EventEnvelope event) {
        return event.payload() instanceof MemberAdmitted || event.payload() instanceof MemberReadmitted
                || event.payload() instanceof MemberEnrolledFromRegister;
    }
}
