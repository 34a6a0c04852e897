package chibo.contracts.member;

import java.time.LocalDate;

/** Not qualified after probation: removed from the rolls (xóa tên). */
public record MemberProbationFailed(LocalDate cellResolutionDate, String reason) implements MemberEvent {
}
