package chibo.reporting.figures;

import chibo.contracts.EventJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
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
    void counters_handed_over_are_kept_read_only_and_passed_on_as_they_are() {
        Map<String, Long> summed = new HashMap<>(Map.of("members", 3L, "flow.admitted", 3L));
        OrgDelta delta = OrgDelta.ofOwned(summed, "2025-07", "cause", Instant.EPOCH);

        assertThat(delta).isEqualTo(OrgDelta.of(Map.of("members", 3L, "flow.admitted", 3L), "2025-07", "cause",
                Instant.EPOCH));
        assertThat(delta.hashCode()).isEqualTo(OrgDelta.of(Map.copyOf(summed), "2025-07", "cause",
                Instant.EPOCH).hashCode());
        assertThatThrownBy(() -> delta.counters().put("members", 4L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> delta.counters().entrySet().iterator().next().setValue(4L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(delta.counting().counters()).isSameAs(delta.counters());
        OrgDelta read = OrgDelta.read(delta.bytes());
        assertThat(read).isEqualTo(delta);
        assertThatThrownBy(() -> read.counters().remove("members")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(delta), OrgDelta.class))
                .as("its JSON form too").isEqualTo(delta);
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
