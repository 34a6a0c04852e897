package chibo.platform.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Purpose} header a caller may send with a read, kept as the reason it gave. HTTP headers carry ASCII, so
 * a purpose in Vietnamese is sent percent-encoded UTF-8 ({@code ki%E1%BB%83m%20tra}) and kept decoded (a header that
 * is not valid percent-encoding is kept as sent). It is normalised to NFC, without
 * control, invisible or bidirectional characters, trimmed, at most {@value #MAX_LENGTH} characters. A read is never
 * refused for its purpose; a header with nothing left is kept as none.
 */
public final class Purposes {

    public static final String HEADER = "Purpose";
    public static final int MAX_LENGTH = 200;

    private Purposes() {
    }

    /** @return the purpose as kept, or null when none was given */
    public static String kept(String header) {
        if (header == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        Normalizer.normalize(decoded(header), Normalizer.Form.NFC).codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String trimmed = kept.toString().strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return trimmed.codePointCount(0, trimmed.length()) <= MAX_LENGTH ? trimmed
                : trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_LENGTH));
    }

    private static String decoded(String header) {
        if (header.indexOf('%') < 0) {
            return header;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }
}
