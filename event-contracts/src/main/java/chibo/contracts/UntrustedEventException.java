package chibo.contracts;

/** A record that is not applied because its signature does not hold; its message is the dead-letter reason. */
public class UntrustedEventException extends InvalidEventException {

    private final transient SignatureCheck check;

    public UntrustedEventException(SignatureCheck check) {
        super(check.reason());
        this.check = check;
    }

    public SignatureCheck check() {
        return check;
    }
}
