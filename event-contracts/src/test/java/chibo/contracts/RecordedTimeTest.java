package chibo.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedTimeTest {

    @Test
    void reads_every_precision_the_same_as_the_general_parser() {
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-1_500_000_000L, 4_100_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000) / pow10(random.nextInt(9)));
            String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
            assertThat(RecordedTime.parse(iso)).as(iso).isEqualTo(OffsetDateTime.parse(iso).toInstant())
                    .isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06T17:30:00+07:00", "2026-12-06T10:30:00.5-00:00", "2026-12-06t10:30:00z",
            "1930-02-03T08:00:00.000000001+08:00"})
    void reads_other_rfc_3339_forms_through_the_general_parser(String text) {
        assertThat(RecordedTime.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-06T24:00:00Z",
            "2026-12-06T10:30:00.12a4Z", "2026-12-06T10:30:00.1234567890Z", "2026-12-06T10:30:00Z\u0000",
            "+2026-12-06T10:30:00Z", "2026-12-06 10:30:00Z"})
    void refuses_what_is_not_a_date_time_naming_the_header(String text) {
        assertThatThrownBy(() -> RecordedTime.parse(text))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_time");
    }

    private static int pow10(int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
