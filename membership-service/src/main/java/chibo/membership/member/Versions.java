package chibo.membership.member;

import chibo.platform.web.Problems;

/** The {@code If-Match} / {@code ETag} form of a member's version (the seq of their latest event). */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names, or null when there is none. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problems.invalid("If-Match", "entity-tag", "If-Match must name the member's version as an"
                    + " entity tag, e.g. \"3\"; got " + ifMatch);
        }
    }
}
