package chibo.membership.member;

import chibo.contracts.member.Vote;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The cell's vote on an admission or a readmission. */
public record VoteRequest(
        @NotNull @Min(1) @Max(10_000) Integer officialMembers,
        @NotNull @Min(0) Integer temporarilyTransferredOut,
        @NotNull @Min(0) Integer exemptedAbsent,
        @NotNull @Min(0) Integer inFavour) {

    public Vote toVote() {
        return new Vote(officialMembers, temporarilyTransferredOut, exemptedAbsent, inFavour);
    }
}
