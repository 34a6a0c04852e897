package chibo.reporting.audit;

import chibo.platform.access.AccessLogged;
import chibo.platform.security.Caller;
import chibo.reporting.query.ReportCsv;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's history as an issued report ({@link MemberHistoryReport}): for whoever may read the member's history,
 * and, like that history, in the access log, answered or refused.
 */
@RestController
class MemberHistoryReportController {

    private final MemberHistoryReport reports;

    MemberHistoryReportController(MemberHistoryReport reports) {
        this.reports = reports;
    }

    /** The file, with its SHA-256 in {@code Repr-Digest} (RFC 9530), the digest the register keeps it under. */
    @GetMapping("/audit/members/{memberId}/history.csv")
    @PreAuthorize(AuditHistoryController.MEMBER_READERS)
    @AccessLogged(subject = "memberId")
    ResponseEntity<byte[]> memberHistory(@PathVariable String memberId) {
        MemberHistoryReport.Printed printed = reports.issue(memberId, Caller.current());
        return ReportCsv.download(printed.bytes(), printed.reprDigest(), "lich-su-dang-vien", memberId);
    }
}
