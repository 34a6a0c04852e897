package chibo.platform.eventstore;

/**
 * A subject's state as of its event {@code seq}, and that event's hash (the next event chains to it).
 * {@code state} is null and {@code seq} 0 for a subject with no events yet.
 */
public record Current<S>(S state, long seq, String hash) {

    public boolean exists() {
        return seq > 0;
    }
}
