package chibo.contracts.member;

import java.time.LocalDate;

/** The admission ceremony (lễ kết nạp) was held on the effective date; probation runs until {@code probationEndsOn}. */
public record MemberSwornIn(LocalDate probationEndsOn) implements MemberEvent {
}
