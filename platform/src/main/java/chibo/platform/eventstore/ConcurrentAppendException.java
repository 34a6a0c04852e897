package chibo.platform.eventstore;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Another writer appended to the subject first: its history has moved past the seq this writer expected. */
public class ConcurrentAppendException extends RuntimeException {

    private final String subject;
    private final long expectedSeq;

    public ConcurrentAppendException(String subject, long expectedSeq) {
        super("subject " + subject + " already has an event after seq " + expectedSeq);
        this.subject = subject;
        this.expectedSeq = expectedSeq;
    }

    public String subject() {
        return subject;
    }

    public long expectedSeq() {
        return expectedSeq;
    }

    /** Up to 1, 2, 4… 32 ms, at random, after the {@code attempt}th conflict: the other writer finishes meanwhile. */
    static void pauseBeforeRetry(int attempt) {
        long most = TimeUnit.MILLISECONDS.toNanos(1L << Math.min(attempt - 1, 5));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(most));
    }
}
