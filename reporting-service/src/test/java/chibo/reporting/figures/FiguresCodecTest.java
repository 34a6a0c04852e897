package chibo.reporting.figures;

import chibo.contracts.EventJson;
import chibo.contracts.organization.OrgLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Figures and months on the changelogs: the binary form reads back whole, and the JSON of earlier versions reads. */
class FiguresCodecTest {

    private static final OrgAggregate MERGED = new OrgAggregate("TQ-X05", "Đảng bộ xã Minh Quang", OrgLevel.COMMUNE,
            "TQ", false, 7, "TQ-X04", "2025-07", Map.of("members", 0L, "flow.admitted", 12L, "members.born.1975", -1L),
            List.of("2015-01", "2025-07"), List.of("TQ-X05-C01", "TQ-X05-C02"),
            List.of(new OrgAggregate.Placement(OrgAggregate.ALWAYS, "TQ"), new OrgAggregate.Placement("2025-07",
                    "TQ-N")), Long.MAX_VALUE, Instant.parse("2026-12-06T08:00:00.123456789Z"));

    @Test
    void an_organisations_figures_read_back_whole() {
        assertThat(FiguresCodec.readAggregate(FiguresCodec.bytes(MERGED))).isEqualTo(MERGED);
        OrgAggregate fresh = OrgAggregate.registered("TW", "Trung ương", null, null, 1, null);
        assertThat(FiguresCodec.readAggregate(FiguresCodec.bytes(fresh))).isEqualTo(fresh);
    }

    @Test
    void a_month_reads_back_whole() {
        OrgMonth month = new OrgMonth("TQ-X05", "2025-07", Map.of("members", -3L, "meetings.held", 2L), 41);
        assertThat(FiguresCodec.readMonth(FiguresCodec.bytes(month))).isEqualTo(month);
    }

    @Test
    void months_read_back_share_one_instance_of_each_counter_name() {
        byte[] bytes = FiguresCodec.bytes(new OrgMonth("TQ-X05-C01", "2025-07",
                Map.of("members.ethnicity.Tày", 4L), 3));

        String first = FiguresCodec.readMonth(bytes).counters().keySet().iterator().next();
        String second = FiguresCodec.readMonth(bytes).counters().keySet().iterator().next();

        assertThat(second).isEqualTo("members.ethnicity.Tày").isSameAs(first);
    }

    @Test
    void the_json_earlier_versions_wrote_is_still_read() {
        assertThat(FiguresCodec.readAggregate(EventJson.mapper().writeValueAsBytes(MERGED))).isEqualTo(MERGED);
        OrgMonth month = new OrgMonth("TQ", "2020-12", Map.of("members", 5L), 2);
        assertThat(FiguresCodec.readMonth(EventJson.mapper().writeValueAsBytes(month))).isEqualTo(month);
    }

    @Test
    void a_month_is_not_taken_for_an_organisation() {
        byte[] month = FiguresCodec.bytes(new OrgMonth("TQ", "2020-12", Map.of(), 1));
        assertThatThrownBy(() -> FiguresCodec.readAggregate(month)).isInstanceOf(IllegalArgumentException.class);
    }
}
