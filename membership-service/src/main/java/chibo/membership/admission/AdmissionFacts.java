package chibo.membership.admission;

import chibo.contracts.member.AwarenessCertificate;
import chibo.contracts.member.Person;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the admission rules look at.
 *
 * @param effectiveDate the decision's date
 * @param specialCase   the committee invoked the special-case extension of its decision deadline
 * @param educationException the claimed exception from the lower-secondary minimum; null when none is claimed
 */
public record AdmissionFacts(Person person, LocalDate cellResolutionDate, LocalDate effectiveDate, boolean specialCase,
                             Vote vote, List<IntroducerFacts> introducers, boolean youthUnionIntroduced,
                             AwarenessCertificate awarenessCertificate, OrgLevel decidingLevel,
                             boolean decidedInLine, LocalDate today, EducationException educationException)
        implements DecisionFacts, ApplicantFacts, IntroducedFacts, VoteFacts {

    public AdmissionFacts {
        introducers = List.copyOf(introducers);
    }
}
