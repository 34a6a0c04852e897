package chibo.contracts;

/**
 * What a consumer found when it checked a record's signature; anything but {@link Outcome#SIGNED} is
 * dead-lettered with {@link #reason()}.
 *
 * @param signer the key id in {@code ce_signer}, or null when there is none
 */
public record SignatureCheck(Outcome outcome, String signer, String detail) {

    public enum Outcome {
        SIGNED("signed"),
        UNSIGNED("unsigned"),
        BAD_SIGNATURE("bad-signature"),
        SIGNER_NOT_ALLOWED_FOR_TOPIC("signer-not-allowed-for-topic");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public boolean holds() {
        return outcome == Outcome.SIGNED;
    }

    /** The reason a refused record is dead-lettered with: the outcome's code, then what was wrong. */
    public String reason() {
        return outcome.code() + ": " + detail;
    }
}
