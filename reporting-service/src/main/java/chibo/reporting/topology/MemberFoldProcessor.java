package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.member.MemberEvent;
import chibo.reporting.figures.MemberChange;
import chibo.reporting.figures.MemberFacts;
import chibo.reporting.figures.UnitFact;

/**
 * Folds each member's events into the member's facts and sends what changed ({@link MemberChange}) to the member's
 * cells, and whether the member counts as a resident of a unit to the unit fold.
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
        MemberChange change = MemberChange.of(current == null ? null : current.facts(), event);
        change.deltas().forEach(delta -> sendDelta(delta.cellId(), delta.counters(), delta.month(), event));
        String cause = event.id().toString();
        change.residence().forEach(residence -> sendUnitFact(UnitFact.residents(residence.unitId(),
                residence.change(), residence.month(), cause, event.recordedAt())));
        return new MemberRecord(event.seq(), change.after());
    }
}
