package chibo.reporting.figures;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Values kept by key within a budget of bytes rather than a number of entries, the least recently used going first
 * out: timelines, which weigh as much for a cell as for a province, kept by the months sink between writes and by
 * queries between reads. What a value weighs is given when it is kept, and a value kept again is weighed again; one
 * heavier than the whole budget is not kept. Not synchronised: its owner is, where threads share it.
 *
 * @param <V> what is kept
 */
public final class KeptByWeight<V> {

    private record Kept<V>(V value, long weight) {
    }

    private final long budgetBytes;
    private final LinkedHashMap<String, Kept<V>> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long keptBytes;

    public KeptByWeight(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The value kept under the key, or null. */
    public V get(String key) {
        Kept<V> found = kept.get(key);
        return found == null ? null : found.value();
    }

    /** Keeps the value (in place of the one kept under its key), then lets the least recent go while over budget. */
    public void keep(String key, V value, long weight) {
        if (weight > budgetBytes) {
            Kept<V> dropped = kept.remove(key);
            keptBytes -= dropped == null ? 0 : dropped.weight();
            return;
        }
        Kept<V> previous = kept.put(key, new Kept<>(value, weight));
        keptBytes += weight - (previous == null ? 0 : previous.weight());
        Iterator<Kept<V>> eldest = kept.values().iterator();
        while (keptBytes > budgetBytes && eldest.hasNext()) {
            keptBytes -= eldest.next().weight();
            eldest.remove();
        }
    }

    public int size() {
        return kept.size();
    }

    public long bytes() {
        return keptBytes;
    }
}
