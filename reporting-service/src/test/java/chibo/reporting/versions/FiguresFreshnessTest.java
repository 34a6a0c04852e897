package chibo.reporting.versions;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresFreshnessTest {

    private static final long MAX_LAG = 1_000;

    @Test
    void figures_are_current_while_the_waiting_events_stay_within_the_limit() {
        assertThat(FiguresFreshness.judge(true, 0, 0, MAX_LAG)).isEqualTo(FiguresFreshness.State.CURRENT);
        assertThat(FiguresFreshness.judge(true, 0, MAX_LAG, MAX_LAG)).isEqualTo(FiguresFreshness.State.CURRENT);
        assertThat(FiguresFreshness.judge(true, 0, MAX_LAG + 1, MAX_LAG))
                .isEqualTo(FiguresFreshness.State.CATCHING_UP);
    }

    @Test
    void restoring_stores_or_a_stopped_topology_outweigh_the_lag() {
        assertThat(FiguresFreshness.judge(true, 5, 0, MAX_LAG)).isEqualTo(FiguresFreshness.State.RESTORING);
        assertThat(FiguresFreshness.judge(false, 5, MAX_LAG + 1, MAX_LAG)).isEqualTo(FiguresFreshness.State.STOPPED);
    }

    @Test
    void only_current_figures_leave_the_instance_in_service() {
        Instant at = Instant.parse("2026-12-06T08:00:00Z");
        var current = FiguresFreshness.health(new FiguresFreshness.Snapshot(FiguresFreshness.State.CURRENT, at, 3,
                at, 0), MAX_LAG);
        var catchingUp = FiguresFreshness.health(new FiguresFreshness.Snapshot(
                FiguresFreshness.State.CATCHING_UP, at, MAX_LAG + 1, at, 0), MAX_LAG);
        var restoring = FiguresFreshness.health(new FiguresFreshness.Snapshot(FiguresFreshness.State.RESTORING,
                null, 0, null, 40), MAX_LAG);
        var stopped = FiguresFreshness.health(new FiguresFreshness.Snapshot(FiguresFreshness.State.STOPPED,
                null, 0, null, 0), MAX_LAG);

        assertThat(current.getStatus()).isEqualTo(Status.UP);
        assertThat(current.getDetails()).containsEntry("currentTo", at.toString()).containsEntry("lag", 3L);
        assertThat(catchingUp.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(restoring.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(restoring.getDetails()).containsEntry("restoringRecords", 40L).doesNotContainKey("currentTo");
        assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void a_store_counts_as_restoring_from_its_start_until_its_end_or_suspension() {
        RestoringStores stores = new RestoringStores();
        TopicPartition a = new TopicPartition("chibo-reporting-v1-org-store-changelog", 0);
        TopicPartition b = new TopicPartition("chibo-reporting-v1-org-store-changelog", 1);

        stores.onRestoreStart(a, "org-store", 100, 1_100);
        stores.onRestoreStart(b, "org-store", 0, 50);
        stores.onBatchRestored(a, "org-store", 600, 500);
        assertThat(stores.stores()).isEqualTo(2);
        assertThat(stores.records()).isEqualTo(500 + 50);

        stores.onBatchRestored(a, "org-store", 1_100, 500);
        assertThat(stores.records()).as("read to its end but not yet declared restored").isEqualTo(1 + 50);
        stores.onRestoreEnd(a, "org-store", 1_000);
        stores.onRestoreSuspended(b, "org-store", 10);

        assertThat(stores.stores()).isZero();
        assertThat(stores.records()).isZero();
    }
}
