package chibo.contracts.member;

import java.time.LocalDate;

/** Xóa tên: removed from the rolls. */
public record MemberRemoved(RemovalGround ground, String details, LocalDate cellResolutionDate)
        implements MemberEvent {
}
