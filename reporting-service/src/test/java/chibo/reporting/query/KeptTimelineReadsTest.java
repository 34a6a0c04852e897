package chibo.reporting.query;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptTimelineReadsTest {

    private static Map<String, Map<String, Long>> months(long members) {
        Map<String, Map<String, Long>> months = new TreeMap<>();
        months.put("2025-07", new HashMap<>(Map.of("members", members)));
        return months;
    }

    @Test
    void a_timeline_is_taken_as_kept_only_at_the_revision_it_was_decoded_from() {
        KeptTimelineReads kept = new KeptTimelineReads(1024 * 1024);
        kept.keep("v1|months|TQ", 7, months(12), 40);

        assertThat(kept.get("v1|months|TQ", 7)).isEqualTo(months(12));
        assertThat(kept.get("v1|months|TQ", 8)).as("the document was written since").isNull();
        assertThat(kept.get("v2|months|TQ", 7)).as("another version's document").isNull();

        kept.keep("v1|months|TQ", 8, months(13), 40);
        assertThat(kept.get("v1|months|TQ", 8)).isEqualTo(months(13));
        assertThat(kept.get("v1|months|TQ", 7)).isNull();
        assertThat(kept.size()).isEqualTo(1);
    }

    @Test
    void what_is_kept_cannot_be_changed_by_a_query_that_reads_it() {
        KeptTimelineReads kept = new KeptTimelineReads(1024 * 1024);
        Map<String, Map<String, Long>> answered = kept.keep("v1|months|TQ", 7, months(12), 40);

        assertThatThrownBy(() -> answered.get("2025-07").put("members", 0L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kept.get("v1|months|TQ", 7).remove("2025-07"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(kept.get("v1|months|TQ", 7)).isEqualTo(months(12));
    }

    @Test
    void beyond_its_budget_the_timeline_read_least_recently_goes_first() {
        KeptTimelineReads kept = new KeptTimelineReads(3 * (200 + 24 * 100));
        kept.keep("a", 1, months(1), 100);
        kept.keep("b", 1, months(2), 100);
        kept.keep("c", 1, months(3), 100);
        assertThat(kept.get("a", 1)).as("read again: now the most recent").isNotNull();

        kept.keep("d", 1, months(4), 100);

        assertThat(kept.get("b", 1)).isNull();
        assertThat(kept.get("a", 1)).isNotNull();
        assertThat(kept.get("c", 1)).isNotNull();
        assertThat(kept.get("d", 1)).isNotNull();
        assertThat(kept.bytes()).isLessThanOrEqualTo(3 * (200 + 24 * 100));
    }

    @Test
    void a_timeline_heavier_than_the_whole_budget_is_answered_but_not_kept() {
        KeptTimelineReads kept = new KeptTimelineReads(1000);

        assertThat(kept.keep("TQ", 1, months(5), 1000)).isEqualTo(months(5));
        assertThat(kept.get("TQ", 1)).isNull();
        assertThat(kept.bytes()).isZero();
    }
}
