package chibo.meeting.roster;

/**
 * A member id made a field name of a roster document: MongoDB reads a dot in a field name as a path and a leading
 * {@code $} as an operator, so every character but letters, digits, {@code -} and {@code _} is written as {@code %}
 * and its UTF-8 bytes in hex ({@code BP.m1} becomes {@code BP%2Em1}). Member ids are letters, digits, dots,
 * hyphens and underscores, so most keys read as the id itself.
 */
final class RosterKeys {

    private RosterKeys() {
    }

    static String encode(String memberId) {
        StringBuilder key = new StringBuilder(memberId.length() + 8);
        for (byte b : memberId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                key.append(c);
            } else {
                key.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return key.toString();
    }
}
