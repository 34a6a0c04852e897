package chibo.membership.readmission;

import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.admission.ApplicantFacts;
import chibo.membership.admission.IntroducedFacts;
import chibo.membership.admission.IntroducerFacts;
import chibo.membership.admission.VoteFacts;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts of a readmission: the new application and how the earlier membership ended.
 *
 * @param previousStatus       status the earlier membership ended in
 * @param previousLeftOn       when it ended
 * @param removalGround        the ground, if it ended in removal
 * @param letGoGround          the ground, if the member was let go
 * @param previousWasReadmission the earlier membership was itself a readmission
 * @param alreadyReadmitted    the earlier membership has been readmitted before
 * @param declarations         what the application declares about the never-readmit grounds
 */
public record ReadmissionFacts(Person person, LocalDate cellResolutionDate, Vote vote,
                               List<IntroducerFacts> introducers, boolean youthUnionIntroduced,
                               MemberStatus previousStatus, LocalDate previousLeftOn, RemovalGround removalGround,
                               LetGoGround letGoGround, boolean previousWasReadmission, boolean alreadyReadmitted,
                               LocalDate convictionExpungedOn, Declarations declarations, LocalDate effectiveDate,
                               OrgLevel decidingLevel, boolean decidedInLine, LocalDate today)
        implements DecisionFacts, ApplicantFacts, IntroducedFacts, VoteFacts {

    public ReadmissionFacts {
        introducers = List.copyOf(introducers);
    }

    /** The application's declarations on the grounds that bar readmission for good. */
    public record Declarations(boolean causedSeriousDisunity, boolean convictedOfCorruption,
                               boolean convictedOfSeriousCrime, boolean leftForExceptionalFamilyHardship) {
    }
}
