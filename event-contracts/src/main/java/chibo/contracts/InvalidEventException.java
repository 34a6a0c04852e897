package chibo.contracts;

/** An event that cannot be read: missing or malformed envelope attributes, unreadable payload, unknown type. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
