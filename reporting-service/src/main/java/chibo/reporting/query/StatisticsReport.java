package chibo.reporting.query;


import chibo.reporting.figures.Counters;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The party statistics report on members (after the HD 11-HD/BTCTW shape): for each child organisation and the
 * organisation as a whole, members at the start of the period, who came and who left during it by kind, members
 * at its end and their make-up. Start + came − left = end, row by row, but for an organisation that came under the
 * parent or left it during the period (a move carries its members without a flow: its start or end counts only
 * while it stood under the parent); a transfer between two organisations under the same parent is counted out of one
 * and into the other, so the parent's own row shows it on both sides. The rows add up to the total.
 * <p>
 * {@code xoa_ten} counts every removal from the rolls, a probationer not recognised included: the Charter calls that
 * decision a removal too (Điều lệ Đảng, điều 5.3: "quyết định xóa tên trong danh sách đảng viên dự bị"), and
 * {@code du_bi_khong_cong_nhan} beside it is the "of which" breakdown, not another way of leaving: the members who
 * left are {@code chuyen_di + xoa_ten + cho_ra_khoi_dang + khai_tru + tu_tran}.
 */
final class StatisticsReport {

    record Column(String header, Function<Rows, Long> value) {
    }

    /** One organisation's figures for the report. */
    record Rows(Map<String, Long> start, Map<String, Long> flows, Map<String, Long> end) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("dang_vien_dau_ky", r -> r.start().getOrDefault(Counters.MEMBERS, 0L)),
            new Column("ket_nap_moi", r -> r.flows().getOrDefault(Counters.ADMITTED, 0L)),
            new Column("ket_nap_lai", r -> r.flows().getOrDefault(Counters.READMITTED, 0L)),
            new Column("nhap_tu_so_dang_vien", r -> r.flows().getOrDefault(Counters.ENROLLED, 0L)),
            new Column("chuyen_den", r -> r.flows().getOrDefault(Counters.TRANSFERRED_IN, 0L)),
            new Column("chuyen_di", r -> r.flows().getOrDefault(Counters.TRANSFERRED_OUT, 0L)),
            new Column("xoa_ten", StatisticsReport::removedFromTheRolls),
            new Column("du_bi_khong_cong_nhan", r -> r.flows().getOrDefault(Counters.PROBATION_FAILED, 0L)),
            new Column("cho_ra_khoi_dang", r -> r.flows().getOrDefault(Counters.LET_GO, 0L)),
            new Column("khai_tru", r -> r.flows().getOrDefault(Counters.EXPELLED, 0L)),
            new Column("tu_tran", r -> r.flows().getOrDefault(Counters.DECEASED, 0L)),
            new Column("cong_nhan_chinh_thuc", r -> r.flows().getOrDefault(Counters.RECOGNIZED, 0L)),
            new Column("dang_vien_cuoi_ky", r -> r.end().getOrDefault(Counters.MEMBERS, 0L)),
            new Column("du_bi", r -> r.end().getOrDefault("members.probationary", 0L)),
            new Column("chinh_thuc", r -> r.end().getOrDefault("members.official", 0L)),
            new Column("nu", r -> Summaries.members(r.end()).women()),
            new Column("dan_toc_thieu_so", r -> Summaries.members(r.end()).ethnicMinority()),
            new Column("mien_sinh_hoat", r -> r.end().getOrDefault(Counters.EXEMPTED, 0L)));

    private StatisticsReport() {
    }

    /** Removals from the rolls: on the grounds of điều 8, and probationers not recognised (điều 5.3). */
    static long removedFromTheRolls(Rows rows) {
        return rows.flows().getOrDefault(Counters.REMOVED, 0L)
                + rows.flows().getOrDefault(Counters.PROBATION_FAILED, 0L);
    }

    static Rows rows(OrgFiguresView counts, YearMonth from, YearMonth to) {
        return new Rows(Figures.stockAt(counts, from.minusMonths(1)), Figures.flowsBetween(counts, from, to),
                Figures.stockAt(counts, to));
    }

    static String header() {
        StringBuilder header = new StringBuilder("ma_to_chuc,ten_to_chuc");
        COLUMNS.forEach(column -> header.append(',').append(column.header()));
        return header.append(ReportCsv.LINE_END).toString();
    }

    static String line(String orgId, String name, Rows rows) {
        StringBuilder line = new StringBuilder(ReportCsv.quoted(orgId)).append(',').append(ReportCsv.quoted(name));
        COLUMNS.forEach(column -> line.append(',').append(column.value().apply(rows)));
        return line.append(ReportCsv.LINE_END).toString();
    }
}
