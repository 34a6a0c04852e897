package chibo.membership.admission;

import chibo.contracts.member.Vote;

/** A cell's vote on a member. */
public interface VoteFacts {

    Vote vote();
}
