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

    private static final OrgFigures MERGED = new OrgFigures("TQ-X05", "Đảng bộ xã Minh Quang", OrgLevel.COMMUNE,
            "TQ", false, 7, "TQ-X04", "2025-07", Map.of("members", 0L, "flow.admitted", 12L, "members.born.1975", -1L),
            List.of("2015-01", "2025-07"), List.of("TQ-X05-C01", "TQ-X05-C02"),
            List.of(new OrgFigures.Placement(OrgFigures.ALWAYS, "TQ"), new OrgFigures.Placement("2025-07",
                    "TQ-N")), "2015-01", "2025-07", Long.MAX_VALUE, Instant.parse("2026-12-06T08:00:00.123456789Z"));

    @Test
    void an_organisations_figures_read_back_whole() {
        assertThat(FiguresCodec.readFigures(FiguresCodec.bytes(MERGED))).isEqualTo(MERGED);
        OrgFigures fresh = OrgFigures.registered("TW", "Trung ương", null, null, "1945-02", 1, null);
        assertThat(FiguresCodec.readFigures(FiguresCodec.bytes(fresh))).isEqualTo(fresh);
    }

    @Test
    void figures_written_before_the_registration_and_dissolution_months_were_kept_still_read() {
        CompactBytes.Writer out = new CompactBytes.Writer(64);
        out.write((byte) 2).string("TQ-X05").string("Đảng bộ xã Minh Quang").string("COMMUNE").string("TQ")
                .write(false).varlong(7).string("TQ-X04").string("2025-07");
        out.varint(1).string("flow.admitted").signed(12);
        out.varint(1).string("2015-01");
        out.varint(1).string("TQ-X05-C01");
        out.varint(2).string(OrgFigures.ALWAYS).string("TQ").string("2025-07").string("TQ-N");
        out.varlong(9).instant(Instant.parse("2026-12-06T08:00:00Z"));

        OrgFigures old = FiguresCodec.readFigures(out.bytes());

        assertThat(old.counters()).containsExactly(Map.entry("flow.admitted", 12L));
        assertThat(old.children()).containsExactly("TQ-X05-C01");
        assertThat(old.version()).isEqualTo(9);
        assertThat(old.registeredMonth()).as("not known: always there").isNull();
        assertThat(old.dissolvedMonth()).isNull();
        assertThat(old.placementHistory()).as("its merger still ends it").isEqualTo(new Placements(null, "2025-07",
                List.of(new OrgFigures.Placement(OrgFigures.ALWAYS, "TQ"), new OrgFigures.Placement("2025-07",
                        "TQ-N"))));
    }

    @Test
    void a_month_reads_back_whole() {
        OrgMonth month = new OrgMonth("TQ-X05", "2025-07", Map.of("members", -3L, "meetings.held", 2L), 41);
        assertThat(FiguresCodec.readMonth(FiguresCodec.bytes(month))).isEqualTo(month);
    }

    @Test
    void a_month_being_worked_on_is_stored_as_its_stored_form_and_read_back_to_be_worked_on() {
        MonthState working = MonthState.of(new OrgMonth("TQ-X05", "2025-07", Map.of("members", -3L), 41));
        working.plus(Map.of("members", 1L, "meetings.held", 2L));
        OrgMonth expected = new OrgMonth("TQ-X05", "2025-07", Map.of("members", -2L, "meetings.held", 2L), 42);

        byte[] bytes = FiguresCodec.bytes(working);

        assertThat(FiguresCodec.readMonth(bytes)).isEqualTo(expected);
        MonthState read = FiguresCodec.readMonthState(bytes);
        assertThat(read.toMonth()).isEqualTo(expected);
        read.plus(Map.of("meetings.held", -2L));
        assertThat(read.toMonth()).as("a zero drops out; the month read is its own")
                .isEqualTo(new OrgMonth("TQ-X05", "2025-07", Map.of("members", -2L), 43));
        assertThat(FiguresCodec.readMonth(bytes)).isEqualTo(expected);
        assertThat(FiguresCodec.readMonthState(EventJson.mapper().writeValueAsBytes(expected)).toMonth())
                .as("the JSON earlier versions wrote").isEqualTo(expected);
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
        assertThat(FiguresCodec.readFigures(EventJson.mapper().writeValueAsBytes(MERGED))).isEqualTo(MERGED);
        OrgMonth month = new OrgMonth("TQ", "2020-12", Map.of("members", 5L), 2);
        assertThat(FiguresCodec.readMonth(EventJson.mapper().writeValueAsBytes(month))).isEqualTo(month);
    }

    @Test
    void a_month_is_not_taken_for_an_organisation() {
        byte[] month = FiguresCodec.bytes(new OrgMonth("TQ", "2020-12", Map.of(), 1));
        assertThatThrownBy(() -> FiguresCodec.readFigures(month)).isInstanceOf(IllegalArgumentException.class);
    }
}
