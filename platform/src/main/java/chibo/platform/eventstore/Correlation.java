package chibo.platform.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The correlation id the events of the running command carry. A command runs with a fresh one, unless its caller
 * fixed one: a request with an {@code Idempotency-Key} is correlated by its key, a line of a bulk import by the line,
 * so that what the command stored can be recognised when it is run again. A command run again after its first run
 * was cut off (the process died between storing its events and recording its answer) is {@linkplain #resumed()
 * resumed}: the {@link AggregateStore} then answers with the events the first run stored instead of deciding again.
 */
public final class Correlation {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** The fixed correlation, else a fresh one (so each unfixed call is a command of its own). */
    public static UUID current() {
        Scope scope = CURRENT.get();
        return scope != null ? scope.id() : UUID.randomUUID();
    }

    /** The correlation fixed for the running command, if any. */
    public static Optional<UUID> fixed() {
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.of(scope.id());
    }

    /** Whether the running command may already have stored its events in an earlier run that was cut off. */
    public static boolean resumed() {
        Scope scope = CURRENT.get();
        return scope != null && scope.resumed();
    }

    /**
     * A new identifier for something the command creates (a member, an organisation, a meeting) when the caller
     * names none: derived from the fixed correlation, so that the command run again creates the same one; random
     * when nothing is fixed.
     */
    public static String newId(String kind) {
        Scope scope = CURRENT.get();
        return scope == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((scope.id() + "/" + kind).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Notes that the running command touches {@code subject}, and tells whether it is the first time: only then may
     * the subject hold events this command stored in an earlier run (later touches see this run's own events).
     * Always false when no correlation is fixed.
     */
    public static boolean firstTouch(String subject) {
        Scope scope = CURRENT.get();
        return scope != null && scope.touched().add(subject);
    }

    /** Runs {@code work} as one command: under the fixed correlation if there is one, else a fresh one fixed for it. */
    public static <T> T asOne(Supplier<T> work) {
        return CURRENT.get() != null ? work.get() : with(UUID.randomUUID(), work);
    }

    /** Runs {@code work} with every event it records correlated by {@code id}. */
    public static <T> T with(UUID id, Supplier<T> work) {
        try (Scope ignored = open(id, false)) {
            return work.get();
        }
    }

    /**
     * Fixes the correlation until the returned scope is closed (on the same thread), which restores the one before.
     *
     * @param resumed whether a run of the same command may have been cut off after storing its events
     */
    public static Scope open(UUID id, boolean resumed) {
        Scope scope = new Scope(id, resumed, new HashSet<>(), CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** A fixed correlation, open on one thread, and the subjects its command has touched. */
    public record Scope(UUID id, boolean resumed, Set<String> touched, Scope previous) implements AutoCloseable {
        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
