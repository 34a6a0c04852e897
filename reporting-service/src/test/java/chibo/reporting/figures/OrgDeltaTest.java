package chibo.reporting.figures;

import chibo.contracts.EventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The binary form deltas take on the org-deltas topic. */
class OrgDeltaTest {

    @Test
    void a_counting_delta_reads_back_as_it_was_written() {
        OrgDelta delta = OrgDelta.of(Map.of("members", 1L, "members.ethnicity.h'mông", -3L, "flow.admitted",
                Long.MAX_VALUE), "2025-07", "5f0c3f5e-0000-4000-8000-000000000001",
                Instant.parse("2025-07-14T03:15:04.123456789Z"));

        assertThat(OrgDelta.read(delta.bytes())).isEqualTo(delta);
    }

    @Test
    void instructions_and_absent_fields_read_back_as_they_were_written() {
        OrgDelta merge = OrgDelta.mergeInto("TQ-MQ", "2025-07", "cause", Instant.EPOCH);
        OrgDelta child = OrgDelta.child("TQ-MQ-NT", false, null, null);

        assertThat(OrgDelta.read(merge.bytes())).isEqualTo(merge);
        assertThat(OrgDelta.read(child.bytes())).isEqualTo(child);
        assertThat(OrgDelta.read(child.bytes()).recordedAt()).isNull();
    }

    @Test
    void reads_the_json_form_earlier_versions_wrote() {
        OrgDelta delta = OrgDelta.of(Map.of("members", 2L), "2024-12", "cause", Instant.parse("2024-12-01T00:00:00Z"));

        assertThat(OrgDelta.read(EventJson.mapper().writeValueAsBytes(delta))).isEqualTo(delta);
    }

    @Test
    void rejects_bytes_that_are_not_a_delta() {
        byte[] json = "{\"counters\":".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = OrgDelta.of(Map.of("members", 1L), "2025-07", "c", Instant.EPOCH).bytes();

        assertThatThrownBy(() -> OrgDelta.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an org delta");
        assertThatThrownBy(() -> OrgDelta.read(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgDelta.read(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("left over");
    }
}
