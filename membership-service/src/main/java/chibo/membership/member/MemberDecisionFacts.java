package chibo.membership.member;

import chibo.contracts.member.DisciplineLevel;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.DecisionFacts;

import java.time.LocalDate;
import java.util.Map;

/**
 * The facts of a decision about a member who is already in the party: exemption, discipline, removal, letting go,
 * expulsion, death. Fields that do not apply to a command are null.
 */
public record MemberDecisionFacts(MemberStatus status, DisciplineLevel disciplineLevel, LetGoGround letGoGround,
                                  Map<Integer, RatingLevel> ratings, LocalDate effectiveDate, OrgLevel decidingLevel,
                                  boolean decidedInLine, LocalDate today) implements DecisionFacts {

    public MemberDecisionFacts {
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
    }
}
