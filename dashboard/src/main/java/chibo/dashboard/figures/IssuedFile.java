package chibo.dashboard.figures;

/**
 * A report as a service issued it: its exact bytes (an inspector checks them against the service's register of
 * issued reports by their SHA-256), that digest as the service gave it, and the file's name.
 *
 * @param reprDigest the {@code Repr-Digest} header (RFC 9530), {@code sha-256=:<base64>:}
 */
public record IssuedFile(byte[] bytes, String reprDigest, String filename) {

    public static final String REPR_DIGEST = "Repr-Digest";
}
