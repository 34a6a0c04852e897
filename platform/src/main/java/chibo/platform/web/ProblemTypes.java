package chibo.platform.web;

import java.net.URI;

/**
 * The stable {@code type} URIs of chibo's problem responses. Clients may switch on them; they never change
 * meaning. Rule violations get one type per rule: {@code urn:chibo:problem:rule:<rule-id>}.
 */
public final class ProblemTypes {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String UNKNOWN_REFERENCE = "unknown-reference";
    public static final String NOT_FOUND = "not-found";
    public static final String ALREADY_EXISTS = "already-exists";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String OUTSIDE_SUBTREE = "outside-subtree";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL = "internal-error";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create("urn:chibo:problem:" + slug);
    }
}
