package chibo.reporting.aggregates;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;

import java.util.Map;
import java.util.TreeMap;

/**
 * What reporting knows of one member: enough to say which counters of which cell the member adds to.
 * {@code previousStatus} lets an upheld appeal restore the status before the reversed decision.
 */
public record MemberFacts(String cellId, MemberStatus status, MemberStatus previousStatus, long statusSeq,
                          boolean exempted) {

    public static MemberFacts apply(MemberFacts facts, EventEnvelope event) {
        if (!(event.payload() instanceof MemberEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not a member event");
        }
        return switch (payload) {
            case MemberAdmitted e -> new MemberFacts(e.cellId(), MemberStatus.PROBATIONARY, null, event.seq(), false);
            case MemberReadmitted e ->
                    new MemberFacts(e.cellId(), MemberStatus.PROBATIONARY, null, event.seq(), false);
            case MemberEnrolledFromRegister e ->
                    new MemberFacts(e.cellId(), e.status(), null, event.seq(), e.exempted());
            case MemberRecognized e -> facts.withStatus(MemberStatus.OFFICIAL, event);
            case MemberProbationFailed e -> facts.withStatus(MemberStatus.REMOVED, event);
            case MemberRemoved e -> facts.withStatus(MemberStatus.REMOVED, event);
            case MemberLetGo e -> facts.withStatus(MemberStatus.LET_GO, event);
            case MemberExpelled e -> facts.withStatus(MemberStatus.EXPELLED, event);
            case MemberDeceased e -> facts.withStatus(MemberStatus.DECEASED, event);
            case MemberExempted e -> new MemberFacts(facts.cellId(), facts.status(), facts.previousStatus(),
                    facts.statusSeq(), true);
            case MemberTransferReceived e -> new MemberFacts(e.cellId(), facts.status(), facts.previousStatus(),
                    facts.statusSeq(), facts.exempted());
            case MemberCorrected e when e.correctedSeq() == facts.statusSeq() && facts.previousStatus() != null ->
                    new MemberFacts(facts.cellId(), facts.previousStatus(), null, event.seq(), facts.exempted());
            default -> facts;
        };
    }

    private MemberFacts withStatus(MemberStatus newStatus, EventEnvelope event) {
        return new MemberFacts(cellId, newStatus, status, event.seq(), exempted);
    }

    /** The counters this member adds one to, at their cell. A member who left adds to none. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        if (status.isActive()) {
            counters.put(Counters.MEMBERS, 1L);
            counters.put(Counters.status(status), 1L);
            if (exempted) {
                counters.put(Counters.EXEMPTED, 1L);
            }
        }
        return counters;
    }
}
