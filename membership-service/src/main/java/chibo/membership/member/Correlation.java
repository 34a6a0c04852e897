package chibo.membership.member;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The correlation id the events of the current command carry. A request gets a fresh one; a bulk import fixes one
 * per line, derived from the line, so that the line's events can be recognised when the file is run again.
 */
public final class Correlation {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    public static UUID current() {
        UUID fixed = CURRENT.get();
        return fixed != null ? fixed : UUID.randomUUID();
    }

    /** Runs {@code work} with every event it records correlated by {@code id}. */
    public static <T> T with(UUID id, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(id);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
