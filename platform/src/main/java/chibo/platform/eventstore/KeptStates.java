package chibo.platform.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The subjects' states an instance last read or wrote, the most recently used kept up to a bound. A state is only
 * ever replaced by a later one (a higher seq), so a slow reader cannot put back a state older than one a writer
 * kept meanwhile. States must not change once kept (aggregate states are immutable records).
 *
 * @param <V> what is kept of a subject
 */
final class KeptStates<V> {

    private final int bound;
    private final Map<String, V> states;

    KeptStates(int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("a negative number of states to keep: " + bound);
        }
        this.bound = bound;
        this.states = new LinkedHashMap<>(Math.min(bound, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KeptStates.this.bound;
            }
        };
    }

    synchronized V get(String subject) {
        return states.get(subject);
    }

    /** Keeps {@code state} unless a state with a higher {@code seq} is kept already. */
    synchronized void put(String subject, V state, ToLongFunction<V> seq) {
        if (bound == 0) {
            return;
        }
        V known = states.get(subject);
        if (known == null || seq.applyAsLong(known) < seq.applyAsLong(state)) {
            states.put(subject, state);
        }
    }

    synchronized int size() {
        return states.size();
    }
}
