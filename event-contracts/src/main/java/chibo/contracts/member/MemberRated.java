package chibo.contracts.member;

public record MemberRated(int year, RatingLevel level, int points) implements MemberEvent {
}
