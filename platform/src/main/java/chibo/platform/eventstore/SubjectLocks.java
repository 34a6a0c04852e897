package chibo.platform.eventstore;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commands on the same subject take turns within one instance, so that their events are queued for Kafka in seq
 * order: a fixed set of locks, each subject mapped to one by its hash.
 */
final class SubjectLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    SubjectLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String subject) {
        return locks[stripe(subject)];
    }

    /** Runs {@code work} holding the locks of every subject named, taken in one order (two callers never deadlock). */
    void whileHolding(Collection<String> subjects, Runnable work) {
        Set<Integer> stripes = new TreeSet<>();
        subjects.forEach(subject -> stripes.add(stripe(subject)));
        stripes.forEach(stripe -> locks[stripe].lock());
        try {
            work.run();
        } finally {
            stripes.forEach(stripe -> locks[stripe].unlock());
        }
    }

    private static int stripe(String subject) {
        return Math.floorMod(subject.hashCode(), STRIPES);
    }
}
