package chibo.platform.mongo;

import java.nio.charset.StandardCharsets;

/**
 * An id made a field name, for documents that keep one value per member under the member's id (a cell's roster, a
 * cell's due list): MongoDB reads a dot in a field name as a path and a leading {@code $} as an operator, so every
 * character but letters, digits, {@code -} and {@code _} is written as {@code %} and its UTF-8 bytes in hex
 * ({@code BP.m1} becomes {@code BP%2Em1}). Member ids are letters, digits, dots, hyphens and underscores, so most
 * keys read as the id itself. Two ids never share a key.
 */
public final class FieldKeys {

    private FieldKeys() {
    }

    public static String encode(String id) {
        StringBuilder key = new StringBuilder(id.length() + 8);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
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
