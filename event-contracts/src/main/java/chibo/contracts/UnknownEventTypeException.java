package chibo.contracts;

/** A record carried a {@code ce_type} that no catalogue entry or upcaster knows. */
public class UnknownEventTypeException extends InvalidEventException {

    private final String type;

    public UnknownEventTypeException(String type) {
        super("unknown event type '" + type + "': not in the chibo event catalogue and no upcaster reads it");
        this.type = type;
    }

    public String type() {
        return type;
    }
}
