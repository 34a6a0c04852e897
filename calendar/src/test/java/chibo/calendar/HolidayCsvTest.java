package chibo.calendar;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCsvTest {

    @Test
    void a_quoted_source_may_contain_commas_and_doubled_quotes() {
        List<Holiday> holidays = read("date,name,kind,source\n"
                + "2025-09-02,Quốc khánh,HOLIDAY,\"Bộ luật Lao động 2019, điều 112 \"\"Quốc khánh\"\"\"\n");

        assertThat(holidays).containsExactly(new Holiday(LocalDate.of(2025, 9, 2), "Quốc khánh",
                Holiday.Kind.HOLIDAY, "Bộ luật Lao động 2019, điều 112 \"Quốc khánh\""));
    }

    @Test
    void rows_out_of_order_are_refused_with_the_line_number() {
        assertThatThrownBy(() -> read("""
                date,name,kind,source
                2025-05-01,Ngày Quốc tế lao động,HOLIDAY,law
                2025-04-30,Ngày Chiến thắng,HOLIDAY,law
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void two_rows_for_one_day_are_refused() {
        assertThatThrownBy(() -> read("""
                date,name,kind,source
                2025-04-30,Ngày Chiến thắng,HOLIDAY,law
                2025-04-30,Ngày Chiến thắng,HOLIDAY,law
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2025-04-30");
    }

    @Test
    void a_row_without_a_source_is_refused() {
        assertThatThrownBy(() -> read("""
                date,name,kind,source
                2025-04-30,Ngày Chiến thắng,HOLIDAY,
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("source");
    }

    @Test
    void an_unknown_kind_is_refused() {
        assertThatThrownBy(() -> read("""
                date,name,kind,source
                2025-04-30,Ngày Chiến thắng,BRIDGE,law
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void a_file_without_the_expected_header_is_refused() {
        assertThatThrownBy(() -> read("""
                2025-04-30,Ngày Chiến thắng,HOLIDAY,law
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("date,name,kind,source");
    }

    private static List<Holiday> read(String csv) {
        return HolidayCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }
}
