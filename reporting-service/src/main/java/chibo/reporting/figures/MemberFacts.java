package chibo.reporting.figures;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.Education;
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
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reporting knows of one member: enough to say which counters of which cell the member adds to.
 * {@code previousStatus} lets an upheld appeal or an annulment restore the status before the reversed decision;
 * {@code statusFlow} and {@code statusMonth} name the flow that decision counted and when, so that it is taken back
 * where it was counted. {@code residenceUnitId} is where the member lives now: set at the entry, changed by a change
 * of residence or a transfer receipt that names one. Of the member's birth date only the year is kept: the age bands
 * need no more, and these facts are stored (the member-facts store and its changelog) for as long as the figures are.
 */
public record MemberFacts(String cellId, MemberStatus status, MemberStatus previousStatus, long statusSeq,
                          boolean exempted, Integer birthYear, Sex sex, String ethnicity, Education education,
                          String residenceUnitId, String statusFlow, String statusMonth) {

    /**
     * Facts as stored: those kept before only the year of birth was kept hold the exact {@code birthDate}, which is
     * read as its year (and written back as the year alone at the member's next event, or by a rebuild).
     */
    @JsonCreator
    static MemberFacts stored(@JsonProperty("cellId") String cellId, @JsonProperty("status") MemberStatus status,
                              @JsonProperty("previousStatus") MemberStatus previousStatus,
                              @JsonProperty("statusSeq") long statusSeq, @JsonProperty("exempted") boolean exempted,
                              @JsonProperty("birthYear") Integer birthYear,
                              @JsonProperty("birthDate") LocalDate birthDate, @JsonProperty("sex") Sex sex,
                              @JsonProperty("ethnicity") String ethnicity,
                              @JsonProperty("education") Education education,
                              @JsonProperty("residenceUnitId") String residenceUnitId,
                              @JsonProperty("statusFlow") String statusFlow,
                              @JsonProperty("statusMonth") String statusMonth) {
        return new MemberFacts(cellId, status, previousStatus, statusSeq, exempted,
                birthYear != null ? birthYear : yearOf(birthDate), sex, ethnicity, education, residenceUnitId,
                statusFlow, statusMonth);
    }

    private static Integer yearOf(LocalDate date) {
        return date == null ? null : date.getYear();
    }

    public static MemberFacts apply(MemberFacts facts, EventEnvelope event) {
        if (!(event.payload() instanceof MemberEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not a member event");
        }
        String month = Counters.month(event.effectiveDate());
        return switch (payload) {
            case MemberAdmitted e -> joined(e.person(), e.cellId(), MemberStatus.PROBATIONARY, false, event,
                    Counters.ADMITTED);
            case MemberReadmitted e -> joined(e.person(), e.cellId(), MemberStatus.PROBATIONARY, false, event,
                    Counters.READMITTED);
            case MemberEnrolledFromRegister e -> joined(e.person(), e.cellId(), e.status(), e.exempted(), event,
                    Counters.ENROLLED);
            case MemberRecognized e -> facts.withStatus(MemberStatus.OFFICIAL, event,
                    e.lateAfter() != null ? Counters.RECOGNIZED_LATE : Counters.RECOGNIZED, month);
            case MemberProbationFailed e ->
                    facts.withStatus(MemberStatus.REMOVED, event, Counters.PROBATION_FAILED, month);
            case MemberRemoved e -> facts.withStatus(MemberStatus.REMOVED, event, Counters.REMOVED, month);
            case MemberLetGo e -> facts.withStatus(MemberStatus.LET_GO, event, Counters.LET_GO, month);
            case MemberExpelled e -> facts.withStatus(MemberStatus.EXPELLED, event, Counters.EXPELLED, month);
            case MemberDeceased e -> facts.withStatus(MemberStatus.DECEASED, event, Counters.DECEASED, month);
            case MemberExempted e -> facts.placed(facts.cellId, true, facts.residenceUnitId);
            case MemberTransferReceived e -> facts.placed(e.cellId(), facts.exempted,
                    e.residenceUnitId() != null ? e.residenceUnitId() : facts.residenceUnitId);
            case MemberResidenceChanged e -> facts.placed(facts.cellId, facts.exempted, e.residenceUnitId());
            case MemberCorrected e when facts.reverses(e) -> new MemberFacts(facts.cellId, facts.previousStatus, null,
                    event.seq(), facts.exempted, facts.birthYear, facts.sex, facts.ethnicity, facts.education,
                    facts.residenceUnitId, null, null);
            default -> facts;
        };
    }

    private static MemberFacts joined(Person person, String cellId, MemberStatus status, boolean exempted,
                                      EventEnvelope event, String flow) {
        Person p = person == null ? new Person(null, null, null, null, null, null) : person;
        return new MemberFacts(cellId, status, null, event.seq(), exempted, yearOf(p.birthDate()), p.sex(),
                p.ethnicity(), p.education(), p.residenceUnitId(), flow, Counters.month(event.effectiveDate()));
    }

    /** Whether a correction reverses the decision this member's status came from. */
    public boolean reverses(MemberCorrected correction) {
        return correction.correctedSeq() == statusSeq && previousStatus != null;
    }

    private MemberFacts withStatus(MemberStatus newStatus, EventEnvelope event, String flow, String month) {
        return new MemberFacts(cellId, newStatus, status, event.seq(), exempted, birthYear, sex, ethnicity, education,
                residenceUnitId, flow, month);
    }

    /** The same member in a cell, exempted or not, living in a unit: their status and its flow as they were. */
    private MemberFacts placed(String inCell, boolean isExempted, String livingIn) {
        return new MemberFacts(inCell, status, previousStatus, statusSeq, isExempted, birthYear, sex, ethnicity,
                education, livingIn, statusFlow, statusMonth);
    }

    /** The same member with another status, nothing else changed: what the member counted as before a decision. */
    MemberFacts withOnlyStatus(MemberStatus otherStatus) {
        return new MemberFacts(cellId, otherStatus, previousStatus, statusSeq, exempted, birthYear, sex, ethnicity,
                education, residenceUnitId, statusFlow, statusMonth);
    }

    /** The stock counters this member adds one to, at their cell. A member who left adds to none. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        if (status.isActive()) {
            counters.put(Counters.MEMBERS, 1L);
            counters.put(Counters.status(status), 1L);
            if (exempted) {
                counters.put(Counters.EXEMPTED, 1L);
            }
            counters.put(Counters.sex(sex), 1L);
            counters.put(Counters.ethnicity(ethnicity), 1L);
            counters.put(Counters.education(education), 1L);
            counters.put(Counters.born(birthYear), 1L);
        }
        return counters;
    }

    /** Whether the member counts as a resident of their unit: an active member with a unit of residence. */
    public boolean resides() {
        return status.isActive() && residenceUnitId != null;
    }
}
