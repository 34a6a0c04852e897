package chibo.contracts.member;

/** Died on the effective date. */
public record MemberDeceased(String note) implements MemberEvent {
}
