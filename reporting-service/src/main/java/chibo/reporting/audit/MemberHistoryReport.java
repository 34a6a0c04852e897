package chibo.reporting.audit;

import chibo.platform.security.Caller;
import chibo.platform.web.Problems;
import chibo.reporting.query.IssuedReports;
import chibo.reporting.query.ReportCsv;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A member's history as a file an inspector can check, in the form of every report chibo issues ({@link ReportCsv}):
 * who the member is, the verdict on their hash chain as the archive read it off Kafka, who the file was issued to and
 * when, then every event in the order it took effect (effective date, then recorded time). Its SHA-256 enters the
 * register of issued reports ({@link IssuedReports}), so a printed or forwarded copy can be checked byte for byte.
 */
@Component
class MemberHistoryReport {

    /** The events in the order they took effect in law; events of one day in the order chibo recorded them. */
    static final Comparator<HistoryEntry> EFFECTIVE_ORDER = Comparator.comparing(HistoryEntry::effectiveDate)
            .thenComparing(HistoryEntry::recordedAt).thenComparingLong(HistoryEntry::seq);
    static final String EVENTS_HEADER = "thu_tu,loai_su_kien,ngay_hieu_luc,to_chuc_quyet_dinh,so_quyet_dinh,"
            + "thoi_diem_ghi_nhan,ma_su_kien,seq,hash,noi_dung_khop_hash";
    private static final int PAGE = 500;
    private static final HistoryFilter EVERY_EVENT = HistoryFilter.parse(null, null, null);

    /**
     * The file as issued.
     *
     * @param reprDigest its {@code Repr-Digest} header (RFC 9530), the digest the register keeps it under
     */
    record Printed(byte[] bytes, String reprDigest) {
    }

    private final AuditStore store;
    private final HistoryQueries queries;
    private final IssuedReports issued;
    private final Clock clock;

    MemberHistoryReport(AuditStore store, HistoryQueries queries, IssuedReports issued, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.issued = issued;
        this.clock = clock;
    }

    /** The member's history, issued to the caller now and entered in the register; 404 for a member never read. */
    Printed issue(String memberId, Caller caller) {
        SubjectChain chain = store.chain(EventStream.MEMBERSHIP, memberId)
                .orElseThrow(() -> Problems.notFound("member", memberId));
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] bytes = csv(memberId, chain.chain(), events(memberId), caller.subject(), issuedAt)
                .getBytes(StandardCharsets.UTF_8);
        return new Printed(bytes, issued.issueMemberHistory(bytes, memberId, caller, issuedAt));
    }

    private List<HistoryEntry> events(String memberId) {
        List<HistoryEntry> events = new ArrayList<>();
        String cursor = null;
        do {
            HistoryPage page = queries.subject(EventStream.MEMBERSHIP, memberId, EVERY_EVENT, cursor, PAGE);
            events.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        events.sort(EFFECTIVE_ORDER);
        return events;
    }

    /** The file: a {@code field,value} line each for the member, the chain and the issue; a blank line; the events. */
    static String csv(String memberId, ChainState chain, List<HistoryEntry> events, String issuedTo,
                      Instant issuedAt) {
        BrokenLink broken = chain.firstBroken();
        StringBuilder csv = new StringBuilder(ReportCsv.BYTE_ORDER_MARK);
        field(csv, "bao_cao", "lich_su_dang_vien");
        field(csv, "ma_dang_vien", memberId);
        field(csv, "chuoi_hash", chain.intact() ? "nguyen_ven" : "bi_dut");
        field(csv, "xac_minh_den_seq", Long.toString(chain.verifiedThrough()));
        field(csv, "seq_cuoi", Long.toString(chain.lastSeq()));
        field(csv, "so_lien_ket_hong", Long.toString(chain.brokenLinks()));
        field(csv, "dut_tai_seq", broken == null ? "" : Long.toString(broken.seq()));
        field(csv, "ly_do_dut", broken == null ? "" : broken.reason());
        field(csv, "chi_tiet_dut", broken == null ? "" : broken.detail());
        field(csv, "so_su_kien", Integer.toString(events.size()));
        field(csv, "phat_hanh_cho", issuedTo);
        field(csv, "phat_hanh_luc", issuedAt.toString());
        csv.append(ReportCsv.LINE_END).append(EVENTS_HEADER).append(ReportCsv.LINE_END);
        int place = 0;
        for (HistoryEntry e : events) {
            csv.append(++place).append(',').append(ReportCsv.quoted(e.type())).append(',').append(e.effectiveDate())
                    .append(',').append(ReportCsv.quoted(e.actingOrg())).append(',')
                    .append(ReportCsv.quoted(e.decisionNumber())).append(',').append(e.recordedAt()).append(',')
                    .append(e.id()).append(',').append(e.seq()).append(',').append(ReportCsv.quoted(e.hash()))
                    .append(',').append(e.contentIntact()).append(ReportCsv.LINE_END);
        }
        return csv.toString();
    }

    private static void field(StringBuilder csv, String name, String value) {
        csv.append(name).append(',').append(ReportCsv.quoted(value)).append(ReportCsv.LINE_END);
    }
}
