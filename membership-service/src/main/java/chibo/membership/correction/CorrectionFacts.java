package chibo.membership.correction;

import chibo.contracts.member.CorrectionKind;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * @param correctedType          the wire type of the event at {@code correctedSeq}; null when there is none
 * @param correctedEventId       the id the request names
 * @param actualEventId          the id of the event at that seq
 * @param correctedEffectiveDate that event's effective date
 * @param appealFiledOn          when the member appealed, for an upheld appeal
 * @param decisionReceivedOn     the day the member received the appealed decision; null when not given
 */
public record CorrectionFacts(CorrectionKind kind, long correctedSeq, String correctedType, UUID correctedEventId,
                              UUID actualEventId, LocalDate correctedEffectiveDate, LocalDate appealFiledOn,
                              LocalDate effectiveDate, OrgLevel decidingLevel, boolean decidedInLine,
                              LocalDate today, LocalDate decisionReceivedOn) implements DecisionFacts {

    /** Facts of a correction that gives no day of receipt: an appeal window counts from the decision's date. */
    public CorrectionFacts(CorrectionKind kind, long correctedSeq, String correctedType, UUID correctedEventId,
                           UUID actualEventId, LocalDate correctedEffectiveDate, LocalDate appealFiledOn,
                           LocalDate effectiveDate, OrgLevel decidingLevel, boolean decidedInLine, LocalDate today) {
        this(kind, correctedSeq, correctedType, correctedEventId, actualEventId, correctedEffectiveDate, appealFiledOn,
                effectiveDate, decidingLevel, decidedInLine, today, null);
    }

    /** Where an appeal window starts: the day the member received the decision if given, else its date. */
    public LocalDate appealWindowStart() {
        return decisionReceivedOn != null ? decisionReceivedOn : correctedEffectiveDate;
    }
}
