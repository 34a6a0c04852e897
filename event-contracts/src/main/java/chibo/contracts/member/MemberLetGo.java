package chibo.contracts.member;

/** Cho ra khỏi Đảng. */
public record MemberLetGo(LetGoGround ground, String details) implements MemberEvent {
}
