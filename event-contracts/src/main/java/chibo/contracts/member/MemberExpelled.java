package chibo.contracts.member;

/** Khai trừ: the heaviest discipline, official members only. */
public record MemberExpelled(String reason) implements MemberEvent {
}
