package chibo.platform.eventstore;

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
}
