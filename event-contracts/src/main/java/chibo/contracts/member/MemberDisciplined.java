package chibo.contracts.member;

/** {@code selfReportedAndRemedied}: the member found and fully remedied the fault themselves (QĐ 124 art. 12). */
public record MemberDisciplined(DisciplineLevel level, String reason, boolean selfReportedAndRemedied)
        implements MemberEvent {
}
