package chibo.reporting.versions;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state stores of a topology being restored from their changelogs on this instance (after a restart, a crash or
 * a rebalance), and the records each still has to read. While any is restoring, what the topology serves is behind.
 */
final class RestoringStores implements StateRestoreListener {

    private record Store(TopicPartition changelog, String name) {
    }

    private final Map<Store, Long> remaining = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition changelog, String store, long startingOffset, long endingOffset) {
        remaining.put(new Store(changelog, store), Math.max(0, endingOffset - startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String store, long batchEndOffset, long numRestored) {
        remaining.computeIfPresent(new Store(changelog, store), (key, left) -> Math.max(0, left - numRestored));
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        remaining.remove(new Store(changelog, store));
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        remaining.remove(new Store(changelog, store));
    }

    /** Stores (per changelog partition) restoring now. */
    int stores() {
        return remaining.size();
    }

    /** Changelog records the restoring stores have still to read (at least one per restoring store). */
    long records() {
        return remaining.values().stream().mapToLong(left -> Math.max(1, left)).sum();
    }
}
