package chibo.reporting.topology;

import chibo.reporting.figures.OrgDelta;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes of counters held back until the commit and summed per organisation and month; instructions go at once. */
class DeltaOutboxTest {

    private static final Instant EARLIER = Instant.parse("2025-07-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2025-07-02T00:00:00Z");

    private final MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
    private final DeltaOutbox outbox = new DeltaOutbox(ReportingTopology.DELTAS_SINK);
    private ObjectStore<String> store;

    @BeforeEach
    void open() {
        store = ObjectStore.<String>builder(Stores.inMemoryKeyValueStore("objects"),
                value -> value.getBytes(StandardCharsets.UTF_8),
                bytes -> new String(bytes, StandardCharsets.UTF_8), 8).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        outbox.init(context, store);
    }

    @Test
    void changes_for_one_organisation_and_month_reach_it_once_summed_when_the_task_commits() {
        outbox.add("commune", OrgDelta.of(Map.of("members", 1L, "members.sex.female", 1L), "2025-07", "e1", LATER));
        outbox.add("commune", OrgDelta.of(Map.of("members", 1L), "2025-07", "e2", EARLIER));
        outbox.add("commune", OrgDelta.of(Map.of("members", 1L), "2024-01", "e3", EARLIER));
        outbox.add("province", OrgDelta.of(Map.of("members", -1L), "2025-07", "e4", EARLIER));
        assertThat(context.forwarded()).as("nothing before the commit").isEmpty();

        store.flushCache();

        List<Sent> sent = sent();
        assertThat(sent).containsExactlyInAnyOrder(
                new Sent("commune", "2025-07", Map.of("members", 2L, "members.sex.female", 1L)),
                new Sent("commune", "2024-01", Map.of("members", 1L)),
                new Sent("province", "2025-07", Map.of("members", -1L)));
        OrgDelta july = OrgDelta.read(context.forwarded().stream()
                .filter(f -> f.record().key().equals("commune")
                        && OrgDelta.read(f.record().value()).month().equals("2025-07"))
                .findFirst().orElseThrow().record().value());
        assertThat(july.recordedAt()).as("the latest change's time, for freshness").isEqualTo(LATER);
        assertThat(context.forwarded()).allSatisfy(f -> assertThat(f.childName()).hasValue(
                ReportingTopology.DELTAS_SINK));

        context.resetForwards();
        store.flushCache();
        assertThat(context.forwarded()).as("sent once").isEmpty();
    }

    @Test
    void changes_that_cancel_out_send_nothing() {
        outbox.add("cell", OrgDelta.of(Map.of("members", 1L, "members.official", 1L), "2025-07", "e1", EARLIER));
        outbox.add("cell", OrgDelta.of(Map.of("members", -1L), "2025-07", "e2", EARLIER));

        store.flushCache();

        assertThat(sent()).containsExactly(new Sent("cell", "2025-07", Map.of("members.official", 1L)));
    }

    @Test
    void an_instruction_goes_at_once_after_the_changes_summed_before_it() {
        outbox.add("parent", OrgDelta.of(Map.of("members", 3L), "2025-07", "e1", EARLIER));

        outbox.sendNow("parent", OrgDelta.child("cell", true, "e2", EARLIER));

        assertThat(context.forwarded()).hasSize(2);
        assertThat(OrgDelta.read(context.forwarded().get(0).record().value()).counters())
                .containsEntry("members", 3L);
        assertThat(OrgDelta.read(context.forwarded().get(1).record().value()).child()).isEqualTo("cell");
        context.resetForwards();
        store.flushCache();
        assertThat(context.forwarded()).isEmpty();
    }

    private List<Sent> sent() {
        return context.forwarded().stream().map(f -> {
            OrgDelta delta = OrgDelta.read(f.record().value());
            return new Sent(f.record().key(), delta.month(), delta.counters());
        }).toList();
    }

    private record Sent(String orgId, String month, Map<String, Long> counters) {
    }
}
