package chibo.reporting.query;

import chibo.reporting.figures.Counters;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics report's columns of leaving (HD 11-HD/BTCTW shape): a probationer not recognised is removed from
 * the rolls (Điều lệ Đảng, điều 5.3: "xóa tên trong danh sách đảng viên dự bị"), so {@code xoa_ten} counts them
 * with the removals on the grounds of điều 8, and {@code du_bi_khong_cong_nhan} beside it says how many of them.
 */
class StatisticsReportTest {

    private static Map<String, String> line(StatisticsReport.Rows rows) {
        List<String> headers = List.of(StatisticsReport.header().strip().split(","));
        List<String> values = List.of(StatisticsReport.line("CB-1", "Chi bộ thôn Nà Mò", rows).strip().split(","));
        assertThat(values).hasSameSizeAs(headers);
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byHeader.put(headers.get(i), values.get(i));
        }
        return byHeader;
    }

    @Test
    void xoa_ten_counts_the_removals_and_the_probationers_not_recognised_with_the_latter_beside_it() {
        var rows = new StatisticsReport.Rows(Map.of(Counters.MEMBERS, 20L),
                Map.of(Counters.REMOVED, 3L, Counters.PROBATION_FAILED, 2L, Counters.EXPELLED, 1L),
                Map.of(Counters.MEMBERS, 14L));

        Map<String, String> line = line(rows);

        assertThat(line).containsEntry("xoa_ten", "5").containsEntry("du_bi_khong_cong_nhan", "2")
                .containsEntry("khai_tru", "1");
    }

    @Test
    void the_columns_of_leaving_without_the_breakdown_balance_start_and_end() {
        var rows = new StatisticsReport.Rows(Map.of(Counters.MEMBERS, 20L),
                Map.of(Counters.ADMITTED, 4L, Counters.REMOVED, 3L, Counters.PROBATION_FAILED, 2L,
                        Counters.LET_GO, 1L, Counters.DECEASED, 1L),
                Map.of(Counters.MEMBERS, 17L));

        Map<String, String> line = line(rows);
        long came = Long.parseLong(line.get("ket_nap_moi"));
        long left = Long.parseLong(line.get("xoa_ten")) + Long.parseLong(line.get("cho_ra_khoi_dang"))
                + Long.parseLong(line.get("khai_tru")) + Long.parseLong(line.get("tu_tran"));

        assertThat(Long.parseLong(line.get("dang_vien_dau_ky")) + came - left)
                .isEqualTo(Long.parseLong(line.get("dang_vien_cuoi_ky")));
    }

    @Test
    void with_no_probationer_failed_xoa_ten_is_the_removals_alone() {
        var rows = new StatisticsReport.Rows(Map.of(), Map.of(Counters.REMOVED, 321L), Map.of());

        assertThat(line(rows)).containsEntry("xoa_ten", "321").containsEntry("du_bi_khong_cong_nhan", "0");
    }
}
