package chibo.contracts.member;

/** Miễn công tác và sinh hoạt đảng: an official member, still counted. */
public record MemberExempted(String reason) implements MemberEvent {
}
